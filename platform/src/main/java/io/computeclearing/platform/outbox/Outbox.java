package io.computeclearing.platform.outbox;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Records events in the caller's transaction. If the transaction rolls back, the event never existed; if it commits,
 * {@link OutboxRelay} publishes it, however long the broker is away.
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_UP = Outbox.class.getName() + ".wakeUp";

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    public Outbox(EntityManager em, TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.em = em;
        this.transactions = transactions;
        this.relay = relay;
    }

    /** Adds an event to the current transaction; there must be one. Returns the event id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <P> UUID record(EventType<P> type, String aggregateId, P payload) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.topic = type.topic();
        event.aggregateType = type.aggregateType();
        event.aggregateId = aggregateId;
        event.eventType = type.name();
        event.schemaVersion = type.schemaVersion();
        event.occurredAt = Instant.now();
        event.payload = EventCodec.toTree(payload).toString();
        em.persist(event);
        if (transactions.getResource(WAKE_UP) == null) {
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
        return event.eventId;
    }
}
