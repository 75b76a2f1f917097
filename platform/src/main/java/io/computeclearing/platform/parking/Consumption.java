package io.computeclearing.platform.parking;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.inbox.Inbox;
import io.computeclearing.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.UUID;

/**
 * Applies every record of an incoming channel once, or parks it: the one way every consumer takes its events.
 * <p>
 * A record is applied in a transaction of its own, with its inbox record. If it cannot be applied (the effect throws,
 * the commit fails, the record is not an event envelope) that transaction rolls back and the record is parked in
 * {@code parked_event} with the reason; every later event of the same consumer and aggregate is parked behind it, in
 * order, so that the aggregate's order holds; other aggregates go on. Either way the record is acknowledged and the
 * channel goes on: a business failure never stops a service. Only a failure to park (the database is away) is thrown,
 * and stops the channel, so that nothing is ever skipped. An operator replays or discards parked events
 * ({@link ParkedEventsResource}).
 */
@ApplicationScoped
public class Consumption {

    private static final Logger LOG = Logger.getLogger(Consumption.class);

    /** What a replay did: events applied, events still parked, and why the first of them still fails. */
    public record Replay(String consumer, String aggregateId, int replayed, long stillParked, Long failedId,
                         String failure) {
    }

    private final Inbox inbox;
    private final ParkedEvents parked;
    private final ParkedCounts counts;
    private final Instance<EventConsumer> consumers;

    public Consumption(Inbox inbox, ParkedEvents parked, ParkedCounts counts, Instance<EventConsumer> consumers) {
        this.inbox = inbox;
        this.parked = parked;
        this.counts = counts;
        this.consumers = consumers;
    }

    /** Applies or parks one record of the consumer's channel. Call it outside a transaction: it runs its own. */
    public void apply(EventConsumer consumer, ConsumerRecord<String, String> record) {
        String name = inbox.consumerName(consumer.channel());
        EventEnvelope event;
        try {
            event = decoded(record.value());
        } catch (RuntimeException e) {
            String aggregate = record.key() != null ? record.key() : "(no key)";
            parkAndLog(name, null, null, aggregate, String.valueOf(record.value()), reason(e));
            return;
        }
        if (!accepts(consumer, event)) {
            LOG.debugf("%s passes over event %s of type %s: not a type it accepts", name, event.id(), event.type());
            return;
        }
        try {
            Optional<String> behind = QuarkusTransaction.requiringNew().call(() -> applyUnlessBlocked(consumer, name,
                    event, record.value()));
            behind.ifPresent(first -> LOG.warnf("%s parked event %s (%s) of %s behind parked event %s", name,
                    event.id(), event.type(), event.aggregateId(), first));
            if (behind.isPresent()) {
                counts.refresh();
            }
        } catch (RuntimeException e) {
            parkAndLog(name, event.id(), event.type(), event.aggregateId(), record.value(), reason(e));
        }
    }

    /** Applies the event, or parks it behind its aggregate's first parked event; the latter's label if parked. */
    private Optional<String> applyUnlessBlocked(EventConsumer consumer, String name, EventEnvelope event,
                                                String record) {
        parked.lock(name, event.aggregateId());
        Optional<ParkedEvent> first = parked.firstWaiting(name, event.aggregateId());
        if (first.isPresent()) {
            if (parked.holds(name, event.id())) {
                return Optional.empty(); // a redelivery of an event already parked
            }
            String label = first.get().label();
            parked.park(name, event.id(), event.type(), event.aggregateId(), record, "behind parked event " + label);
            return Optional.of(label);
        }
        if (inbox.firstDelivery(name, event)) {
            consumer.apply(event);
        }
        return Optional.empty();
    }

    private void parkAndLog(String name, UUID eventId, String type, String aggregate, String record,
                            String reason) {
        boolean fresh = QuarkusTransaction.requiringNew().call(() -> {
            parked.lock(name, aggregate);
            return parked.park(name, eventId, type, aggregate, record, reason);
        });
        if (fresh) {
            LOG.warnf("%s parked event %s (%s) of %s: %s", name, eventId == null ? "(unreadable record)" : eventId,
                    type, aggregate, ParkedEvents.truncated(reason));
            counts.refresh();
        }
    }

    /**
     * Applies one aggregate's parked events of a consumer in order, through the consumer's own code, each once (the
     * inbox absorbs one already applied). Stops at the first that still fails: it and those behind it stay parked,
     * with its new reason. Replaying again when nothing is parked does nothing.
     */
    public Replay replay(String consumerName, String aggregateId, String by) {
        EventConsumer consumer = consumer(consumerName).orElseThrow();
        int replayed = 0;
        try {
            for (Optional<ParkedEvent> next = parked.firstWaiting(consumerName, aggregateId); next.isPresent();
                 next = parked.firstWaiting(consumerName, aggregateId)) {
                ParkedEvent event = next.get();
                try {
                    if (QuarkusTransaction.requiringNew().call(() -> replayOne(consumer, event, by))) {
                        replayed++;
                    }
                } catch (RuntimeException e) {
                    String reason = reason(e);
                    parked.stillFailing(event.id(), reason);
                    LOG.warnf("%s replay by %s of %s stopped at parked event %s: %s", consumerName, by, aggregateId,
                            event.label(), ParkedEvents.truncated(reason));
                    return new Replay(consumerName, aggregateId, replayed, parked.waiting(consumerName, aggregateId),
                            event.id(), ParkedEvents.truncated(reason));
                }
            }
        } finally {
            counts.refresh();
        }
        LOG.infof("%s replay by %s of %s applied %d parked event(s)", consumerName, by, aggregateId, replayed);
        return new Replay(consumerName, aggregateId, replayed, 0, null, null);
    }

    private boolean replayOne(EventConsumer consumer, ParkedEvent event, String by) {
        parked.lock(event.consumer(), event.aggregateId());
        if (!parked.replayed(event.id(), by)) {
            return false; // another replay or a discard came first
        }
        EventEnvelope envelope = decoded(event.payload());
        if (accepts(consumer, envelope) && inbox.firstDelivery(event.consumer(), envelope)) {
            consumer.apply(envelope);
        }
        return true;
    }

    /**
     * Gives up one parked event, with who, when and why. Its id goes into the consumer's inbox, so that it is never
     * applied later (a redelivery, a replay); the events behind it wait for their replay.
     */
    public ParkedEvent discard(long id, String reason, String by) {
        ParkedEvent discarded = QuarkusTransaction.requiringNew().call(() -> {
            ParkedEvent event = parked.find(id).orElseThrow(
                    () -> ProblemException.notFound("parked event", String.valueOf(id)));
            parked.lock(event.consumer(), event.aggregateId());
            if (!parked.discarded(id, by, reason)) {
                throw ProblemException.conflict("parked-event-not-waiting", "Parked event no longer waits",
                        "parked event " + id + " was already " + parked.find(id).orElseThrow().status()
                                .name().toLowerCase());
            }
            try {
                inbox.firstDelivery(event.consumer(), decoded(event.payload()));
            } catch (IllegalArgumentException unreadable) {
                // Not an event envelope: there is no id to remember, and nothing could ever apply it.
            }
            return parked.find(id).orElseThrow();
        });
        LOG.warnf("%s discarded parked event %s (%s) of %s for %s: %s", by, discarded.label(), discarded.eventType(),
                discarded.aggregateId(), discarded.consumer(), reason);
        counts.refresh();
        return discarded;
    }

    /** The consumer registered under this inbox name ({@code <application>.<channel>}) in this service. */
    public Optional<EventConsumer> consumer(String consumerName) {
        return consumers.stream().filter(c -> inbox.consumerName(c.channel()).equals(consumerName)).findFirst();
    }

    private static EventEnvelope decoded(String record) {
        if (record == null) {
            throw new IllegalArgumentException("not an event envelope: the record has no value");
        }
        EventEnvelope event = EventCodec.decode(record);
        if (event.id() == null || event.type() == null || event.aggregateId() == null) {
            throw new IllegalArgumentException("not an event envelope: id, type and aggregateId are required");
        }
        return event;
    }

    private static boolean accepts(EventConsumer consumer, EventEnvelope event) {
        return consumer.accepts().stream().anyMatch(event::is);
    }

    /**
     * What went wrong, by class and message, without a stack trace: the first exception in the chain that is not the
     * transaction's or the persistence layer's wrapper (for a failed insert, the database's own error).
     */
    static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause && isWrapper(cause)) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? "" : ": " + cause.getMessage().strip();
        return cause.getClass().getSimpleName() + message;
    }

    private static boolean isWrapper(Throwable failure) {
        String type = failure.getClass().getName();
        return failure.getMessage() == null || type.startsWith("jakarta.transaction.")
                || type.startsWith("jakarta.persistence.") || type.startsWith("org.hibernate.")
                || type.startsWith("io.quarkus.narayana.") || type.startsWith("com.arjuna.");
    }
}
