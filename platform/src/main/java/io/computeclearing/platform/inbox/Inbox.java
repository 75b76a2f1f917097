package io.computeclearing.platform.inbox;

import io.computeclearing.platform.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Remembers which events a consumer has applied. Call {@link #firstDelivery} in the same transaction as the event's
 * effect: the effect and the record of it commit together, so a redelivered event finds its record and is skipped.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager em;

    public Inbox(EntityManager em) {
        this.em = em;
    }

    /** True the first time this consumer sees the event, false on every redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, EventEnvelope event) {
        return em.createNativeQuery("""
                        insert into inbox_event (consumer, event_id, event_type, aggregate_id, processed_at)
                        values (:consumer, :eventId, :type, :aggregateId, now())
                        on conflict do nothing""")
                .setParameter("consumer", consumer)
                .setParameter("eventId", event.id())
                .setParameter("type", event.type())
                .setParameter("aggregateId", event.aggregateId())
                .executeUpdate() == 1;
    }
}
