package io.computeclearing.platform.problem;

import io.computeclearing.platform.problem.Problem.Violation;

import java.util.List;

/**
 * A request the service refuses, with the problem to return. Thrown before anything is written, or inside the
 * transaction so that it rolls back.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String kind;
    private final String title;
    private final List<Violation> violations;

    public ProblemException(int status, String kind, String title, String detail, List<Violation> violations) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    /** 400: the request breaks one or more rules. */
    public static ProblemException invalid(String detail, List<Violation> violations) {
        return new ProblemException(400, "validation", "Invalid request", detail, violations);
    }

    /** 400: the request breaks one rule. */
    public static ProblemException invalid(String field, String message) {
        return invalid(field + ": " + message, List.of(new Violation(field, message)));
    }

    /**
     * 400: a path or query parameter does not parse, for example {@code query parameter 'asOf' must be a date
     * (YYYY-MM-DD)}.
     */
    public static ProblemException malformedParameter(String location, String name, String expectation) {
        return new ProblemException(400, "malformed-parameter", "Malformed parameter",
                location + " parameter '" + name + "' " + expectation,
                List.of(new Violation(name, expectation)));
    }

    /** 404: the thing does not exist, or the caller may not know that it exists. */
    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "not-found", what + " not found", what + " '" + id + "' does not exist",
                List.of());
    }

    /** 409: the request contradicts what is already recorded (for example a reused idempotency key). */
    public static ProblemException conflict(String kind, String title, String detail) {
        return new ProblemException(409, kind, title, detail, List.of());
    }

    /** 422: the request is well formed but the business state does not allow it. */
    public static ProblemException refused(String kind, String title, String detail) {
        return new ProblemException(422, kind, title, detail, List.of());
    }

    public Problem toProblem(String instance) {
        return new Problem("/problems/" + kind, title, status, getMessage(), instance, violations);
    }

    public int status() {
        return status;
    }
}
