package io.computeclearing.platform.inbox;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;

/**
 * Remembers which events a consumer has applied. Call {@link #receive} (or {@link #firstDelivery}) in the same
 * transaction as the event's effect: the effect and the record of it commit together, so a redelivered event finds its record and is skipped.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

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
     * {@code <application>.<channel>}, see {@link #consumerName}) receives it; empty on every redelivery. Every consumer
     * names the event types it accepts: an event of another type (a topic also carries types meant for other consumers)
     * is logged at DEBUG and passed over without an inbox record, the same way in every consumer. A record that is not
     * an event envelope throws: an event is never lost for being unreadable. The services' consumers go through
     * {@link io.computeclearing.platform.parking.Consumption}, which parks such a record instead.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<EventEnvelope> receive(String channel, String message, EventType<?> accepted,
                                           EventType<?>... alsoAccepted) {
        return receive(channel, EventCodec.decode(message), accepted, alsoAccepted);
    }

    /** As {@link #receive(String, String, EventType, EventType[])}, for a consumer that decodes the record itself. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<EventEnvelope> receive(String channel, EventEnvelope event, EventType<?> accepted,
                                           EventType<?>... alsoAccepted) {
        String consumer = consumerName(channel);
        if (!event.is(accepted) && Arrays.stream(alsoAccepted).noneMatch(event::is)) {
            LOG.debugf("%s passes over event %s of type %s: not a type it accepts", consumer, event.id(), event.type());
            return Optional.empty();
        }
        return firstDelivery(consumer, event) ? Optional.of(event) : Optional.empty();
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
