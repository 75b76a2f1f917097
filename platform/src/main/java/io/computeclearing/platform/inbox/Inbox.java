package io.computeclearing.platform.inbox;

import io.computeclearing.platform.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Remembers which events a consumer has applied. {@link #firstDelivery} runs in the same transaction as the event's
 * effect (the services' consumers reach it through {@link io.computeclearing.platform.parking.Consumption}): the
 * effect and the record of it commit together, so a redelivered event finds its record and is skipped.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager em;
    private final String applicationName;
    private final Clock clock;

    public Inbox(EntityManager em, @ConfigProperty(name = "quarkus.application.name") String applicationName,
                 Clock clock) {
        this.em = em;
        this.applicationName = applicationName;
        this.clock = clock;
    }

    /** The inbox name of this service's consumer of {@code channel}: {@code <application>.<channel>}. */
    public String consumerName(String channel) {
        return applicationName + "." + channel;
    }

    /** True the first time this consumer sees the event, false on every redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, EventEnvelope event) {
        return em.createNativeQuery("""
                        insert into inbox_event (consumer, event_id, event_type, aggregate_id, processed_at)
                        values (:consumer, :eventId, :type, :aggregateId, :processedAt)
                        on conflict do nothing""")
                .setParameter("consumer", consumer)
                .setParameter("eventId", event.id())
                .setParameter("type", event.type())
                .setParameter("aggregateId", event.aggregateId())
                .setParameter("processedAt", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .executeUpdate() == 1;
    }
}
