package io.computeclearing.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} is stable per kind of error ({@code /problems/validation},
 * {@code /problems/not-found}, ...) so clients can branch on it; {@code detail} tells a person what to fix.
 * {@code violations} lists each failed rule when there is more than one.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One failed rule: the field (or rule name) and what is wrong with it. */
    public record Violation(String field, String message) {
    }
}
