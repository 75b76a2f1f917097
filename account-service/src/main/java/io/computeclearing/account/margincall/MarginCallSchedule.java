package io.computeclearing.account.margincall;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Escalates margin calls left unmet past their deadline, every {@code ccp.margin-calls.check-every}, by the injected
 * clock: a call is escalated at most one interval after its deadline.
 */
@ApplicationScoped
public class MarginCallSchedule {

    private static final Logger LOG = Logger.getLogger(MarginCallSchedule.class);

    private final MarginCalls calls;
    private final Clock clock;

    public MarginCallSchedule(MarginCalls calls, Clock clock) {
        this.calls = calls;
        this.clock = clock;
    }

    @Scheduled(every = "${ccp.margin-calls.check-every}", delayed = "${ccp.margin-calls.check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void escalateOverdue() {
        List<UUID> escalated = calls.escalateOverdue(clock.instant());
        if (!escalated.isEmpty()) {
            LOG.infof("escalated %d overdue margin calls: %s", escalated.size(), escalated);
        }
    }
}
