package io.computeclearing.risk.backtesting;

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
 * Observes each end of day for backtesting as soon as its settlement prices and rates are in
 * ({@code ccp.backtest.waiting-days.check-every}), oldest first. Each day is observed on its own, so a day stuck
 * without an input holds up no other. What a day waits for is logged once per reason and shown in readiness (which
 * stays UP: the day is observed by itself once the input arrives) as of the last check.
 */
@Readiness
@ApplicationScoped
public class WaitingBacktests implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(WaitingBacktests.class);

    private final DailyBacktests backtests;
    /** Why each waiting day could not be observed yet, as last tried on this replica. */
    private final Map<LocalDate, String> reasons = new ConcurrentHashMap<>();
    private volatile List<LocalDate> waiting = List.of();

    public WaitingBacktests(DailyBacktests backtests) {
        this.backtests = backtests;
    }

    @Scheduled(every = "${ccp.backtest.waiting-days.check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void observeWaiting() {
        List<LocalDate> dates = backtests.waiting();
        reasons.keySet().retainAll(dates);
        for (LocalDate date : dates) {
            try {
                backtests.observe(date);
                reasons.remove(date);
            } catch (InputsMissing missing) {
                waitsFor(date, missing.getMessage(), null);
            } catch (RuntimeException failed) {
                // Tried again on every check, never taking the schedule down; logged once.
                waitsFor(date, failed.toString(), failed);
            }
        }
        waiting = dates.stream().filter(reasons::containsKey).toList();
    }

    private void waitsFor(LocalDate date, String reason, RuntimeException error) {
        if (!reason.equals(reasons.put(date, reason))) {
            if (error != null) {
                LOG.errorf(error, "the backtest of the end of day of %s failed and will be tried again", date);
            } else {
                LOG.infof("the backtest of the end of day of %s waits: %s", date, reason);
            }
        }
    }

    @Override
    public HealthCheckResponse call() {
        List<LocalDate> waiting = this.waiting;
        var response = HealthCheckResponse.named("Backtest days waiting for their inputs").up()
                .withData("waiting", waiting.size());
        waiting.stream().limit(5).forEach(date -> response.withData(date.toString(),
                reasons.getOrDefault(date, "not tried yet")));
        return response.build();
    }
}
