package io.computeclearing.account.defaultfund;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Escalates contribution calls left unmet past their deadline, on the margin calls' check interval
 * ({@code ccp.margin-calls.check-every}) and by the injected (business) clock.
 */
@ApplicationScoped
public class ContributionCallSchedule {

    private static final Logger LOG = Logger.getLogger(ContributionCallSchedule.class);

    private final ContributionCalls calls;
    private final Clock clock;

    public ContributionCallSchedule(ContributionCalls calls, Clock clock) {
        this.calls = calls;
        this.clock = clock;
    }

    @Scheduled(every = "${ccp.margin-calls.check-every}", delayed = "${ccp.margin-calls.check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void escalateOverdue() {
        List<UUID> escalated = calls.escalateOverdue(clock.instant());
        if (!escalated.isEmpty()) {
            LOG.infof("escalated %d overdue contribution calls: %s", escalated.size(), escalated);
        }
    }
}
