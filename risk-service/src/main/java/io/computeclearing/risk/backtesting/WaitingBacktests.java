package io.computeclearing.risk.backtesting;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Observes each end of day for backtesting as soon as its settlement prices and rates are in
 * ({@code ccp.backtest.waiting-days.check-every}), oldest first; what a day waits for is logged once per reason.
 * Each day is observed on its own, so a day stuck without an input holds up no other.
 */
@ApplicationScoped
public class WaitingBacktests {

    private static final Logger LOG = Logger.getLogger(WaitingBacktests.class);

    private final DailyBacktests backtests;
    private final Map<LocalDate, String> reasons = new ConcurrentHashMap<>();

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
                if (!missing.getMessage().equals(reasons.put(date, missing.getMessage()))) {
                    LOG.infof("the backtest of the end of day of %s waits: %s", date, missing.getMessage());
                }
            } catch (RuntimeException failed) {
                // Tried again on every check, never taking the schedule down; logged once.
                if (!failed.toString().equals(reasons.put(date, failed.toString()))) {
                    LOG.errorf(failed, "the backtest of the end of day of %s failed and will be tried again", date);
                }
            }
        }
    }
}
