package io.computeclearing.platform.outbox;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Records events in the caller's transaction. If the transaction rolls back, the events never existed; if it commits,
 * {@link OutboxRelay} publishes them, however long the broker is away. Rows are written with one batched JDBC
 * statement per call, so recording the events of a batch of thousands of trades is a few round trips, not thousands.
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_UP = Outbox.class.getName() + ".wakeUp";
    private static final int JDBC_BATCH = 1000;
    private static final String INSERT = """
            insert into outbox_event (event_id, topic, aggregate_type, aggregate_id, event_type, schema_version,
                                      occurred_at, payload)
            values (?, ?, ?, ?, ?, ?, ?, ?)""";

    /** One event to record: its type, the aggregate (also the Kafka key) and the payload. */
    public record Pending(EventType<?> type, String aggregateId, Object payload) {

        public static <P> Pending of(EventType<P> type, String aggregateId, P payload) {
            return new Pending(type, aggregateId, payload);
        }
    }

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final Clock clock;

    public Outbox(EntityManager em, TransactionSynchronizationRegistry transactions, OutboxRelay relay, Clock clock) {
        this.em = em;
        this.transactions = transactions;
        this.relay = relay;
        this.clock = clock;
    }

    /** Adds an event to the current transaction; there must be one. Returns the event id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <P> UUID record(EventType<P> type, String aggregateId, P payload) {
        return recordAll(List.of(Pending.of(type, aggregateId, payload))).getFirst();
    }

    /** Adds events to the current transaction, in this order; there must be a transaction. Returns their ids. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> recordAll(List<Pending> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = new ArrayList<>(events.size());
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                int pending = 0;
                for (Pending event : events) {
                    UUID id = UUID.randomUUID();
                    ids.add(id);
                    insert.setObject(1, id);
                    insert.setString(2, event.type().topic());
                    insert.setString(3, event.type().aggregateType());
                    insert.setString(4, event.aggregateId());
                    insert.setString(5, event.type().name());
                    insert.setInt(6, event.type().schemaVersion());
                    insert.setObject(7, now);
                    insert.setObject(8, EventCodec.toTree(event.payload()).toString(), Types.OTHER);
                    insert.addBatch();
                    if (++pending == JDBC_BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
        });
        wakeRelayAfterCommit();
        return ids;
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_UP) != null) {
            return;
        }
        transactions.putResource(WAKE_UP, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.committed();
                }
            }
        });
    }
}
