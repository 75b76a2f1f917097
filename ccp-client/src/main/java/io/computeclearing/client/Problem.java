package io.computeclearing.client;

import java.util.List;

/**
 * An RFC 9457 problem detail as the services answer a refusal: {@code type} is stable per kind of error
 * ({@code /problems/not-found}, {@code /problems/validation}, ...) and is what code should branch on; {@code detail}
 * tells a person what to fix; {@code violations} names each failed rule when there is more than one.
 */
public record Problem(String type, String title, int status, String detail, String instance,
                      List<Violation> violations) {

    public Problem {
        violations = violations == null ? List.of() : List.copyOf(violations);
    }

    /** One failed rule: the field (or rule name) and what is wrong with it. */
    public record Violation(String field, String message) {
    }
}
