package io.computeclearing.account.margincall;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The life of a {@link DeadlineCall} written once, so that margin calls and contribution calls cannot come to follow
 * different rules: an OPEN call past its deadline is escalated, once, with what is still missing. A kind of call says
 * only what is its own: the lock that guards its calls, what its member still misses and the events it publishes.
 * A kind annotates its public methods with {@code @Transactional} one by one, not its class: on the class it would
 * wrap the hooks too, which run in the transaction of the method that calls them.
 */
public abstract class DeadlineCalls<C extends DeadlineCall> {

    private final Class<C> type;
    private final Clock clock;

    protected DeadlineCalls(Class<C> type, Clock clock) {
        this.type = type;
        this.clock = clock;
    }

    /** For the container's client proxy, which hands every call on to the bean and never uses these fields. */
    protected DeadlineCalls() {
        this(null, null);
    }

    /** Escalates every OPEN call whose deadline is at or before {@code now}, each in its own transaction. */
    @Transactional(Transactional.TxType.NEVER)
    public List<UUID> escalateOverdue(Instant now) {
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> entityManager()
                .createQuery("from " + type.getSimpleName() + " where status = :status and deadline <= :now"
                        + " order by deadline", type)
                .setParameter("status", DeadlineCall.Status.OPEN)
                .setParameter("now", now)
                .getResultStream().map(call -> call.id).toList());
        List<UUID> escalated = new ArrayList<>();
        for (UUID id : due) {
            if (QuarkusTransaction.requiringNew().call(() -> escalate(id, now))) {
                escalated.add(id);
            }
        }
        return escalated;
    }

    /** Takes the lock a deposit takes before it settles the call, so that the two do not overlap. */
    protected abstract void lock(C call);

    /** What the call's member misses now, rounded up to the currency's minor unit; zero or less when met. */
    protected abstract BigDecimal missing(C call);

    /** Publishes the escalation ({@code escalatedAt}, {@code outstandingAtEscalation}) and logs it. */
    protected abstract void publishEscalated(C call);

    protected Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private boolean escalate(UUID id, Instant now) {
        C call = entityManager().find(type, id);
        lock(call);
        // read again under the lock: a deposit may have settled the call in the meantime
        entityManager().refresh(call);
        if (call.status != DeadlineCall.Status.OPEN || call.deadline.isAfter(now)) {
            return false;
        }
        BigDecimal missing = missing(call);
        call.status = DeadlineCall.Status.ESCALATED;
        call.escalatedAt = now();
        call.outstandingAtEscalation = missing.signum() > 0 ? missing : call.amount;
        publishEscalated(call);
        return true;
    }

    private EntityManager entityManager() {
        return Panache.getEntityManager(type);
    }
}
