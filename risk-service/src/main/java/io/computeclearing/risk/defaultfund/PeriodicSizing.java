package io.computeclearing.risk.defaultfund;

import io.computeclearing.platform.problem.ProblemException;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Resizes the default fund every {@code ccp.default-fund.resize-every} (30 days; {@code off} disables it), as of the
 * latest daily run. The first try is at start-up, so a fresh install gets a fund as soon as it has a daily run; a
 * sizing made in the last half interval (on demand, after a shortfall, or by another replica) counts as the periodic
 * one.
 */
@ApplicationScoped
public class PeriodicSizing {

    private static final Logger LOG = Logger.getLogger(PeriodicSizing.class);

    private final DefaultFundSizings sizings;
    private final DefaultFundSettings settings;

    PeriodicSizing(DefaultFundSizings sizings, DefaultFundSettings settings) {
        this.sizings = sizings;
        this.settings = settings;
    }

    @Scheduled(every = "${ccp.default-fund.resize-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void resize() {
        try {
            sizings.sizePeriodically(DurationConverter.parseDuration(settings.resizeEvery()))
                    .ifPresent(id -> LOG.infof("periodic default fund sizing %d", id));
        } catch (ProblemException refused) {
            LOG.warnf("the periodic default fund sizing was not made: %s", refused.getMessage());
        }
    }
}
