package io.computeclearing.platform.inbox;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;

/**
 * Remembers which events a consumer has applied. Call {@link #firstDelivery} in the same transaction as the event's
 * effect: the effect and the record of it commit together, so a redelivered event finds its record and is skipped.
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

    /**
     * A record of an incoming channel, decoded, the first time this service's consumer of the channel (named
     * {@code <application>.<channel>}, see {@link #consumerName}) receives it; empty on every redelivery and for
     * events of other types than {@code wanted} (all types when none are named), which are not recorded. A record
     * that is not an event envelope throws, which stops the channel: events are never skipped.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<EventEnvelope> receive(String channel, String message, EventType<?>... wanted) {
        EventEnvelope event = EventCodec.decode(message);
        boolean isWanted = wanted.length == 0 || Arrays.stream(wanted).anyMatch(event::is);
        return isWanted && firstDelivery(consumerName(channel), event) ? Optional.of(event) : Optional.empty();
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
