package io.computeclearing.platform.health;

import io.computeclearing.platform.security.Roles;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Health details name the failing check and carry its error text (SQL, a broker's message), which is for operators,
 * not for whoever can reach the port. A caller without the {@code admin} role, Kubernetes' probes included, gets the
 * status only: {@code {"status":"UP"}} with 200, or {@code {"status":"DOWN"}} with 503, the code being all a probe
 * reads. An {@code admin} token gets the full answer. Runs after authentication (order -1; Quarkus authenticates at
 * -200), so a forged token is refused there and never reaches this.
 */
@ApplicationScoped
public class HealthForAnonymous {

    private static final String HEALTH = "/q/health";

    private final SmallRyeHealthReporter reporter;

    public HealthForAnonymous(SmallRyeHealthReporter reporter) {
        this.reporter = reporter;
    }

    void install(@Observes Router router) {
        router.route(HEALTH + "*").order(-1).handler(this::answer);
    }

    private void answer(RoutingContext context) {
        if (context.user() instanceof QuarkusHttpUser user && user.getSecurityIdentity().hasRole(Roles.ADMIN)) {
            context.next();
            return;
        }
        health(context.normalizedPath()).subscribe().with(
                health -> statusOnly(context, health.isDown()),
                failure -> statusOnly(context, true));
    }

    private Uni<SmallRyeHealth> health(String path) {
        return switch (path.substring(HEALTH.length())) {
            case "/live", "/live/" -> reporter.getLivenessAsync();
            case "/ready", "/ready/" -> reporter.getReadinessAsync();
            case "/started", "/started/" -> reporter.getStartupAsync();
            default -> reporter.getHealthAsync();
        };
    }

    private static void statusOnly(RoutingContext context, boolean down) {
        context.response().setStatusCode(down ? 503 : 200)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(down ? "{\"status\":\"DOWN\"}" : "{\"status\":\"UP\"}");
    }
}
