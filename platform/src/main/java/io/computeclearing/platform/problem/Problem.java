package io.computeclearing.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} is stable per kind of error ({@code /problems/validation},
 * {@code /problems/not-found}, ...; the list is in docs/api.md) so clients can branch on it; {@code detail} tells a
 * person what to fix. {@code violations} lists each failed rule when there is more than one; {@code correlationId}
 * (on 5xx only) is the id of the log line that says what went wrong, which the body itself never does.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<Violation> violations, String correlationId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem(String type, String title, int status, String detail, String instance,
                   List<Violation> violations) {
        this(type, title, status, detail, instance, violations, null);
    }

    /** One failed rule: the field (or rule name) and what is wrong with it. */
    public record Violation(String field, String message) {
    }
}
