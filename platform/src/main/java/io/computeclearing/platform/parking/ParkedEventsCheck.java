package io.computeclearing.platform.parking;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness shows how many events wait parked, in total and per consumer, and stays UP: a parked event is an
 * operator's task, not a reason to take the service out of service.
 */
@Readiness
@ApplicationScoped
public class ParkedEventsCheck implements HealthCheck {

    private final ParkedCounts counts;

    public ParkedEventsCheck(ParkedCounts counts) {
        this.counts = counts;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Parked events").up();
        long total = 0;
        for (var waiting : counts.waiting().entrySet()) {
            response.withData(waiting.getKey(), waiting.getValue());
            total += waiting.getValue();
        }
        return response.withData("parked", total).build();
    }
}
