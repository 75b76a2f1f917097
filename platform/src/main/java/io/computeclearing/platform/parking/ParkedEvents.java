package io.computeclearing.platform.parking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The {@code parked_event} table: one row per parked record, kept after its replay or discard as the record of it. */
@ApplicationScoped
public class ParkedEvents {

    static final int REASON_LENGTH = 1000;
    private static final String COLUMNS = """
            id, consumer, event_id, event_type, aggregate_id, payload, reason, parked_at, status, replayed_at,
            replayed_by, discarded_at, discarded_by, discard_reason""";

    private final EntityManager em;
    private final Clock clock;

    public ParkedEvents(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /**
     * Serialises, until the transaction ends, everything that parks, applies or replays events of one consumer and
     * aggregate, so that a live event and a replay cannot overtake each other.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String consumer, String aggregateId) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", "parked:" + consumer + ":" + aggregateId)
                .getSingleResult();
    }

    /** Parks a record; false if this event is already parked for this consumer (a redelivery). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean park(String consumer, UUID eventId, String eventType, String aggregateId, String payload,
                        String reason) {
        return em.createNativeQuery("""
                        insert into parked_event (consumer, event_id, event_type, aggregate_id, payload, reason,
                                                  parked_at, status)
                        values (:consumer, :eventId, :type, :aggregate, :payload, :reason, :at, 'PARKED')
                        on conflict do nothing""")
                .setParameter("consumer", consumer)
                .setParameter("eventId", eventId)
                .setParameter("type", eventType)
                .setParameter("aggregate", aggregateId)
                .setParameter("payload", payload)
                .setParameter("reason", truncated(reason))
                .setParameter("at", now())
                .executeUpdate() == 1;
    }

    /** Whether this consumer ever parked this event, whatever became of it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean holds(String consumer, UUID eventId) {
        return !em.createNativeQuery("select 1 from parked_event where consumer = :consumer and event_id = :eventId")
                .setParameter("consumer", consumer).setParameter("eventId", eventId)
                .getResultList().isEmpty();
    }

    /** The oldest event still parked for this consumer and aggregate: the one everything after it waits for. */
    @Transactional
    public Optional<ParkedEvent> firstWaiting(String consumer, String aggregateId) {
        return em.createNativeQuery("select " + COLUMNS + """
                         from parked_event
                        where consumer = :consumer and aggregate_id = :aggregate and status = 'PARKED'
                        order by id limit 1""")
                .setParameter("consumer", consumer).setParameter("aggregate", aggregateId)
                .getResultList().stream().map(row -> of((Object[]) row)).findFirst();
    }

    @Transactional
    public Optional<ParkedEvent> find(long id) {
        return em.createNativeQuery("select " + COLUMNS + " from parked_event where id = :id")
                .setParameter("id", id)
                .getResultList().stream().map(row -> of((Object[]) row)).findFirst();
    }

    /** Oldest first; each filter applies when given. */
    @Transactional
    public List<ParkedEvent> list(String consumer, String aggregateId, ParkedEvent.Status status, int page, int size) {
        return em.createNativeQuery("select " + COLUMNS + """
                         from parked_event
                        where (cast(:consumer as varchar) is null or consumer = cast(:consumer as varchar))
                          and (cast(:aggregate as varchar) is null or aggregate_id = cast(:aggregate as varchar))
                          and (cast(:status as varchar) is null or status = cast(:status as varchar))
                        order by id offset :offset limit :size""")
                .setParameter("consumer", consumer)
                .setParameter("aggregate", aggregateId)
                .setParameter("status", status == null ? null : status.name())
                .setParameter("offset", (long) page * size)
                .setParameter("size", size)
                .getResultList().stream().map(row -> of((Object[]) row)).toList();
    }

    /** Marks a parked event replayed; false if it no longer waits (another replay or a discard came first). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean replayed(long id, String by) {
        return em.createNativeQuery("""
                        update parked_event set status = 'REPLAYED', replayed_at = :at, replayed_by = :by
                        where id = :id and status = 'PARKED'""")
                .setParameter("id", id).setParameter("at", now()).setParameter("by", by)
                .executeUpdate() == 1;
    }

    /** Records why a replayed event still fails; it stays parked. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void stillFailing(long id, String reason) {
        em.createNativeQuery("update parked_event set reason = :reason where id = :id and status = 'PARKED'")
                .setParameter("id", id).setParameter("reason", truncated(reason))
                .executeUpdate();
    }

    /** Marks a parked event discarded, with who, when and why; false if it no longer waits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean discarded(long id, String by, String reason) {
        return em.createNativeQuery("""
                        update parked_event set status = 'DISCARDED', discarded_at = :at, discarded_by = :by,
                                                discard_reason = :reason
                        where id = :id and status = 'PARKED'""")
                .setParameter("id", id).setParameter("at", now()).setParameter("by", by)
                .setParameter("reason", truncated(reason))
                .executeUpdate() == 1;
    }

    /** Events still parked, per consumer. */
    @Transactional
    public Map<String, Long> waitingPerConsumer() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("""
                        select consumer, count(*) from parked_event where status = 'PARKED'
                        group by consumer order by consumer""").getResultList()) {
            Object[] columns = (Object[]) row;
            counts.put((String) columns[0], ((Number) columns[1]).longValue());
        }
        return counts;
    }

    /** Events still parked for one consumer and aggregate. */
    @Transactional
    public long waiting(String consumer, String aggregateId) {
        return ((Number) em.createNativeQuery("""
                        select count(*) from parked_event
                        where consumer = :consumer and aggregate_id = :aggregate and status = 'PARKED'""")
                .setParameter("consumer", consumer).setParameter("aggregate", aggregateId)
                .getSingleResult()).longValue();
    }

    static String truncated(String text) {
        return text.length() <= REASON_LENGTH ? text : text.substring(0, REASON_LENGTH - 1) + "…";
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static ParkedEvent of(Object[] row) {
        return new ParkedEvent(((Number) row[0]).longValue(), (String) row[1], (UUID) row[2], (String) row[3],
                (String) row[4], (String) row[5], (String) row[6], instant(row[7]),
                ParkedEvent.Status.valueOf((String) row[8]), instant(row[9]), (String) row[10], instant(row[11]),
                (String) row[12], (String) row[13]);
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case OffsetDateTime time -> time.toInstant();
            case Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp " + value.getClass());
        };
    }
}
