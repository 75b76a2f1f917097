package io.computeclearing.risk.defaultfund;

import io.computeclearing.platform.problem.ProblemException;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Resizes the default fund every {@code ccp.default-fund.resize-every} (30 days; {@code off} disables it), as of the
 * latest daily run: checked every {@code periodic-check-every} (1 hour), it sizes when no sizing (of any reason, by
 * any replica) was made within the interval. So a fresh install gets its first fund within the hour after its first
 * daily stress run, and a restart never skips or repeats a resize.
 */
@ApplicationScoped
public class PeriodicSizing {

    private static final Logger LOG = Logger.getLogger(PeriodicSizing.class);

    private final DefaultFundSizings sizings;
    private final DefaultFundSettings settings;
    private volatile String lastRefusal;

    PeriodicSizing(DefaultFundSizings sizings, DefaultFundSettings settings) {
        this.sizings = sizings;
        this.settings = settings;
    }

    @Scheduled(every = "${ccp.default-fund.periodic-check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void resize() {
        String every = settings.resizeEvery().strip();
        if (every.equalsIgnoreCase("off") || every.equalsIgnoreCase("disabled")) {
            return;
        }
        try {
            sizings.sizePeriodically(DurationConverter.parseDuration(every))
                    .ifPresent(id -> LOG.infof("periodic default fund sizing %d", id));
            lastRefusal = null;
        } catch (ProblemException refused) {
            // Logged once per reason: before the first daily run this is tried every check.
            if (!refused.getMessage().equals(lastRefusal)) {
                LOG.warnf("the periodic default fund sizing was not made: %s", refused.getMessage());
                lastRefusal = refused.getMessage();
            }
        }
    }
}
