package io.computeclearing.account.margincall;

import io.computeclearing.account.defaultfund.ContributionCalls;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Escalates margin calls and contribution calls left unmet past their deadline, every
 * {@code ccp.margin-calls.check-every}, by the injected (business) clock: a call is escalated at most one interval
 * after its deadline. Each kind has a job of its own, so that a failure with one kind does not hold up the other.
 */
@ApplicationScoped
public class DeadlineCallSchedule {

    private static final Logger LOG = Logger.getLogger(DeadlineCallSchedule.class);

    private final MarginCalls marginCalls;
    private final ContributionCalls contributionCalls;
    private final Clock clock;

    public DeadlineCallSchedule(MarginCalls marginCalls, ContributionCalls contributionCalls, Clock clock) {
        this.marginCalls = marginCalls;
        this.contributionCalls = contributionCalls;
        this.clock = clock;
    }

    @Scheduled(every = "${ccp.margin-calls.check-every}", delayed = "${ccp.margin-calls.check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void escalateOverdueMarginCalls() {
        escalateOverdue(marginCalls, "margin calls");
    }

    @Scheduled(every = "${ccp.margin-calls.check-every}", delayed = "${ccp.margin-calls.check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void escalateOverdueContributionCalls() {
        escalateOverdue(contributionCalls, "contribution calls");
    }

    private void escalateOverdue(DeadlineCalls<?> calls, String kind) {
        List<UUID> escalated = calls.escalateOverdue(clock.instant());
        if (!escalated.isEmpty()) {
            LOG.infof("escalated %d overdue %s: %s", escalated.size(), kind, escalated);
        }
    }
}
