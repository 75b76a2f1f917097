package io.computeclearing.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refusals made before a request reaches JAX-RS, in the HTTP layer: above all a forged or expired token, which
 * proactive authentication rejects before any resource is chosen, and which Quarkus would otherwise answer with an
 * empty 401. Requests under {@code /q/} (health, metrics, OpenAPI) keep their own answers.
 */
@ApplicationScoped
public class RefusalRoutes {

    private final ObjectMapper json;

    public RefusalRoutes(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::refuse);
    }

    private void refuse(RoutingContext context) {
        if (context.response().ended() || context.response().headWritten()
                || context.normalizedPath().startsWith("/q/")) {
            context.next();
            return;
        }
        Throwable failure = context.failure();
        String path = context.normalizedPath();
        Problem problem;
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || context.statusCode() == 401) {
            context.response().putHeader(jakarta.ws.rs.core.HttpHeaders.WWW_AUTHENTICATE, Refusals.BEARER_CHALLENGE);
            problem = Refusals.unauthorized(path);
        } else if (failure instanceof ForbiddenException || context.statusCode() == 403) {
            problem = Refusals.forbidden(path);
        } else if (failure == null && context.statusCode() >= 400 && context.statusCode() < 500) {
            problem = Refusals.framework(context.statusCode(), path);
        } else {
            problem = Refusals.unexpected(failure, path);
        }
        try {
            context.response().setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.next();
        }
    }
}
