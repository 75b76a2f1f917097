package io.computeclearing.platform.problem;

import io.computeclearing.platform.persistence.DuplicateKey;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The problems for refusals the framework makes rather than our code, in one place so that JAX-RS
 * ({@link ProblemMappers}) and the HTTP layer below it ({@link RefusalRoutes}) answer alike. The types are listed in
 * docs/api.md; clients branch on them, so they never change.
 */
final class Refusals {

    static final String BEARER_CHALLENGE = "Bearer";

    private static final Logger LOG = Logger.getLogger(Refusals.class);

    /** Type, title and detail of the framework's 4xx; the types keep the http-NNN form clients already know. */
    private static final Map<Integer, List<String>> FRAMEWORK = Map.of(
            413, List.of("/problems/http-413", "Content Too Large",
                    "the request body is larger than this service accepts"),
            414, List.of("/problems/http-414", "URI Too Long", "the request URI is longer than this service accepts"),
            431, List.of("/problems/http-431", "Request Header Fields Too Large",
                    "the request headers are larger than this service accepts"),
            404, List.of("/problems/http-404", "Not Found", "there is no resource at this path"),
            405, List.of("/problems/http-405", "Method Not Allowed", "this path does not take this method"),
            406, List.of("/problems/http-406", "Not Acceptable",
                    "this operation cannot answer in any media type the Accept header allows"),
            415, List.of("/problems/http-415", "Unsupported Media Type",
                    "this operation does not read a body of this Content-Type"));

    private Refusals() {
    }

    static Problem unauthorized(String path) {
        return new Problem("/problems/unauthorized", "Authentication required", 401,
                "this operation needs a valid bearer token (missing, expired or not signed by the issuer)", path,
                List.of());
    }

    static Problem forbidden(String path) {
        return new Problem("/problems/forbidden", "Not allowed", 403,
                "the token's roles do not allow this operation", path, List.of());
    }

    static Problem framework(int status, String path) {
        List<String> known = FRAMEWORK.get(status);
        if (known != null) {
            return new Problem(known.get(0), known.get(1), status, known.get(2), path, List.of());
        }
        return new Problem("/problems/http-" + status, "Request refused", status,
                "the request was refused with HTTP status " + status, path, List.of());
    }

    /** 413, 414 or 431 with the size found and the limit, from {@link RequestLimits}. */
    static Problem tooLarge(int status, String detail, String path) {
        List<String> known = FRAMEWORK.get(status);
        return new Problem(known.get(0), known.get(1), status, detail, path, List.of());
    }

    /**
     * A unique key a simultaneous request took first, where the service has no more specific answer: 409 naming
     * the resource by its path, never the table, constraint or SQL.
     */
    static Problem conflict(String path) {
        return new Problem("/problems/conflict", "Conflicting request", 409,
                "a simultaneous request recorded the same resource at " + path + " first; read it and repeat this "
                        + "request only if it still needs doing", path, List.of());
    }

    /** Logs the failure under a fresh correlation id and answers 500 with that id and nothing else about it. */
    static Problem unexpected(Throwable failure, String path) {
        if (DuplicateKey.constraintOf(failure).isPresent()) {
            LOG.infof("unique key taken by a simultaneous request on %s: %s", path, failure);
            return conflict(path);
        }
        String correlationId = UUID.randomUUID().toString();
        LOG.errorf(failure, "unexpected failure on %s, correlation id %s", path, correlationId);
        return new Problem("/problems/server-error", "Internal error", 500,
                "the service failed to handle this request; quote correlation id " + correlationId
                        + " when reporting it", path, List.of(), correlationId);
    }
}
