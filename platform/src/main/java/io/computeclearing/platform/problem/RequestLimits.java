package io.computeclearing.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;

/**
 * The size limits of a request (body, URI, headers), answered as problem+json before anything else runs. Vert.x
 * enforces its own codec limits ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) while
 * parsing, with an empty 414 or 431 no handler can change; so those are set well above the limits checked here, and
 * only a request beyond them gets the bare answer. The limits and their reasons are in platform's
 * META-INF/microprofile-config.properties.
 */
@ApplicationScoped
public class RequestLimits {

    private final ObjectMapper json;
    private final long maxBodyBytes;
    private final int maxUriLength;
    private final int maxHeaderBytes;

    public RequestLimits(ObjectMapper json,
                         @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
                         String maxBodySize,
                         @ConfigProperty(name = "ccp.http.max-uri-length") int maxUriLength,
                         @ConfigProperty(name = "ccp.http.max-header-size") int maxHeaderBytes) {
        this.json = json;
        this.maxBodyBytes = new MemorySizeConverter().convert(maxBodySize).asLongValue();
        this.maxUriLength = maxUriLength;
        this.maxHeaderBytes = maxHeaderBytes;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        String path = request.path() == null ? "/" : request.path();
        if (request.uri().length() > maxUriLength) {
            refuse(context, Refusals.tooLarge(414, "the request URI is " + request.uri().length()
                    + " characters long; at most " + maxUriLength + " are accepted", truncated(path)));
        } else if (headerBytes(request) > maxHeaderBytes) {
            refuse(context, Refusals.tooLarge(431, "the request headers take " + headerBytes(request)
                    + " bytes; at most " + maxHeaderBytes + " are accepted", path));
        } else if (declaredLength(request) > maxBodyBytes) {
            refuse(context, Refusals.tooLarge(413, "the request body is " + declaredLength(request)
                    + " bytes; at most " + maxBodyBytes + " are accepted", path));
        } else {
            context.next();
        }
    }

    /** Answers and closes the connection: the body (or the rest of it) is not read, so it cannot carry another. */
    private void refuse(RoutingContext context, Problem problem) {
        try {
            context.response().setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE)
                    .end(json.writeValueAsString(problem))
                    .onComplete(written -> context.request().connection().close());
        } catch (JsonProcessingException e) {
            context.fail(problem.status());
        }
    }

    /** As the HTTP/1.1 codec counts them: "name: value" and the line end, per header. */
    private static long headerBytes(HttpServerRequest request) {
        long bytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return bytes;
    }

    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** An over-long path is not echoed whole. */
    private static String truncated(String path) {
        return path.length() <= 200 ? path : path.substring(0, 200) + "...";
    }
}
