package io.computeclearing.account.margincall;

import io.computeclearing.platform.problem.ProblemException;
import io.computeclearing.platform.security.Caller;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The life of a {@link DeadlineCall} written once, so that margin calls and contribution calls cannot come to follow
 * different rules. Something missing opens a call for it, due by {@link MarginCallDeadline}; more missing while the
 * call is OPEN raises its amount (same id, same deadline), less leaves it as it is; nothing missing settles it; an
 * OPEN call past its deadline is escalated, once, with what is still missing. A kind of call says only what is its
 * own: what its member misses, what set the amount, the lock that guards its calls, the events it publishes and how
 * its calls are listed.
 * A kind annotates its public methods with {@code @Transactional} one by one, not its class: on the class it would
 * wrap the hooks too, which run in the transaction of the method that calls them.
 */
public abstract class DeadlineCalls<C extends DeadlineCall> {

    private final Class<C> type;
    /** The kind in problems, for example "margin call". */
    private final String name;
    private final MarginCallDeadline deadlines;
    private final Clock clock;

    protected DeadlineCalls(Class<C> type, String name, MarginCallConfig config, Clock clock) {
        this.type = type;
        this.name = name;
        this.deadlines = MarginCallDeadline.of(config);
        this.clock = clock;
    }

    /** For the container's client proxy, which hands every call on to the bean and never uses these fields. */
    protected DeadlineCalls() {
        this.type = null;
        this.name = null;
        this.deadlines = null;
        this.clock = null;
    }

    /** A call the caller may see; 404 alike for a malformed id, a missing call and another member's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public C visibleTo(Caller caller, String id) {
        UUID callId;
        try {
            callId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(name, id);
        }
        C call = entityManager().find(type, callId);
        if (call == null) {
            throw ProblemException.notFound(name, callId.toString());
        }
        caller.requireAccess(call.memberId, name, callId.toString());
        return call;
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

    /**
     * Issues, raises or settles the member's {@code outstanding} call (null if none) now that {@code missing} is
     * missing; nothing missing settles it as {@code COVERED_BY_cause}. {@code newCall} gives a call with its owner
     * and currency, {@code basis} records on a call what set its amount. The caller holds the lock.
     */
    protected void review(C outstanding, BigDecimal missing, String cause, Supplier<C> newCall, Consumer<C> basis) {
        if (missing.signum() > 0) {
            if (outstanding == null) {
                issue(newCall.get(), missing, basis);
            } else if (outstanding.status == DeadlineCall.Status.OPEN && missing.compareTo(outstanding.amount) > 0) {
                outstanding.amount = missing;
                basis.accept(outstanding);
                outstanding.amountRaisedAt = now();
                publishIssued(outstanding, outstanding.amountRaisedAt);
            }
        } else if (outstanding != null) {
            settle(outstanding, cause);
        }
    }

    /** Settles the call as {@code COVERED_BY_cause}: nothing is missing any more. The caller holds the lock. */
    protected void settle(C outstanding, String cause) {
        outstanding.status = DeadlineCall.Status.SETTLED;
        outstanding.settledAt = now();
        outstanding.settledReason = "COVERED_BY_" + cause;
        publishSettled(outstanding);
    }

    /** Calls newest first, filtered by every field {@code equalTo} gives a value (null: not filtered on). */
    protected List<C> newestFirst(Parameters equalTo, int page, int size) {
        Map<String, Object> filters = new HashMap<>(equalTo.map());
        filters.values().removeIf(Objects::isNull);
        String where = filters.keySet().stream().map(field -> " and " + field + " = :" + field)
                .collect(Collectors.joining());
        TypedQuery<C> query = entityManager().createQuery("from " + type.getSimpleName() + " where 1 = 1" + where
                + " order by issuedAt desc, id desc", type);
        filters.forEach(query::setParameter);
        return query.setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    /** When a new call is due; by default the business-morning (or fixed time-to-meet) rule. */
    protected Instant dueFor(C call, MarginCallDeadline deadlines) {
        return deadlines.dueFor(call.issuedAt);
    }

    /** Publishes the call as issued at {@code at}: when it was issued, or when its amount was last raised. */
    protected abstract void publishIssued(C call, Instant at);

    /** Publishes the settlement ({@code settledAt}, {@code settledReason}). */
    protected abstract void publishSettled(C call);

    /** Takes the lock a deposit takes before it settles the call, so that the two do not overlap. */
    protected abstract void lock(C call);

    /** What the call's member misses now, rounded up to the currency's minor unit; zero or less when met. */
    protected abstract BigDecimal missing(C call);

    /** Publishes the escalation ({@code escalatedAt}, {@code outstandingAtEscalation}) and logs it. */
    protected abstract void publishEscalated(C call);

    private void issue(C call, BigDecimal amount, Consumer<C> basis) {
        call.id = UUID.randomUUID();
        call.amount = amount;
        basis.accept(call);
        call.status = DeadlineCall.Status.OPEN;
        call.issuedAt = now();
        call.deadline = dueFor(call, deadlines).truncatedTo(ChronoUnit.MICROS);
        call.persist();
        publishIssued(call, call.issuedAt);
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

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private EntityManager entityManager() {
        return Panache.getEntityManager(type);
    }
}
