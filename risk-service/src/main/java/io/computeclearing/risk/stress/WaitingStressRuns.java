package io.computeclearing.risk.stress;

import io.computeclearing.platform.problem.ProblemException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes the stress run of each end of day as soon as its inputs are in ({@code ccp.stress.waiting-runs.check-every}).
 * A date waits while a price or a rate of it has not arrived; what it waits for is logged once per reason and shown
 * in readiness (which stays UP: the run follows by itself once the input arrives) as of the last check, so a probe
 * never waits for the database.
 */
@Readiness
@ApplicationScoped
public class WaitingStressRuns implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(WaitingStressRuns.class);

    private final StressRuns runs;
    /** Why each waiting date could not be run yet, as last tried on this replica. */
    private final Map<LocalDate, String> reasons = new ConcurrentHashMap<>();
    private volatile List<LocalDate> waiting = List.of();

    public WaitingStressRuns(StressRuns runs) {
        this.runs = runs;
    }

    @Scheduled(every = "${ccp.stress.waiting-runs.check-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void runWaiting() {
        List<LocalDate> dates = runs.waiting();
        reasons.keySet().retainAll(dates);
        for (LocalDate date : dates) {
            try {
                runs.runAfterEndOfDay(date);
                reasons.remove(date);
            } catch (ProblemException refused) {
                waitsFor(date, refused.getMessage(), false);
            } catch (RuntimeException failed) {
                // A run that fails for another reason waits too, tried again on every check, never taking the
                // schedule down; the error is logged once.
                waitsFor(date, failed.toString(), true);
            }
        }
        waiting = dates.stream().filter(reasons::containsKey).toList();
    }

    private void waitsFor(LocalDate date, String reason, boolean error) {
        if (!reason.equals(reasons.put(date, reason))) {
            if (error) {
                LOG.errorf("the stress run of the end of day of %s failed and will be tried again: %s", date, reason);
            } else {
                LOG.infof("the stress run of the end of day of %s waits: %s", date, reason);
            }
        }
    }

    @Override
    public HealthCheckResponse call() {
        List<LocalDate> waiting = this.waiting;
        var response = HealthCheckResponse.named("Stress runs waiting for their inputs").up()
                .withData("waiting", waiting.size());
        waiting.stream().limit(5).forEach(date -> response.withData(date.toString(),
                reasons.getOrDefault(date, "not tried yet")));
        return response.build();
    }
}
