package io.computeclearing.client;

/**
 * A service refused the request (any 4xx or 5xx status) and said why in an RFC 9457 problem. When the answer carried no
 * problem document (a proxy's error page, an empty 404), the problem is made from the status alone, with type
 * {@code about:blank} as RFC 9457 prescribes.
 */
public class ProblemException extends ClearingHouseException {

    private final String request;
    private final Problem problem;
    private final String body;

    public ProblemException(String request, Problem problem, String body) {
        super(request + " -> " + problem.status() + " " + describe(problem));
        this.request = request;
        this.problem = problem;
        this.body = body == null ? "" : body;
    }

    public Problem problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }

    public String type() {
        return problem.type();
    }

    /** Whether the problem is of the given kind, e.g. {@code isType("/problems/not-found")}. */
    public boolean isType(String type) {
        return problem.type() != null && (problem.type().equals(type) || problem.type().endsWith(type));
    }

    /** The method and URL refused, e.g. {@code GET http://localhost:8081/accounts/BRAVO-H}. */
    public String request() {
        return request;
    }

    /** The answer's body as sent, for logs. */
    public String body() {
        return body;
    }

    private static String describe(Problem problem) {
        String text = problem.type() + (problem.title() == null ? "" : " " + problem.title())
                + (problem.detail() == null ? "" : ": " + problem.detail());
        if (!problem.violations().isEmpty()) {
            text += " " + problem.violations();
        }
        return text;
    }
}
