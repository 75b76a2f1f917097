package io.computeclearing.platform.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * What travels on every topic: the event's identity and metadata around a typed payload.
 * Consumers de-duplicate on {@code id}; {@code sequence} is the producer's outbox position, increasing per
 * producing service, so a consumer can recognise an older state that arrives after a newer one.
 *
 * @param id            unique per event, the inbox key
 * @param type          event name, for example {@code AccountOpened}
 * @param schemaVersion version of the payload schema for that type
 * @param aggregateType what the aggregate is ({@code account}, {@code member})
 * @param aggregateId   the account or member id; also the Kafka key, so one aggregate's events stay in order
 * @param sequence      position in the producing service's outbox
 * @param source        the producing service
 * @param occurredAt    when the state change committed
 * @param payload       the event body, as defined by the type's contract
 */
public record EventEnvelope(
        UUID id,
        String type,
        int schemaVersion,
        String aggregateType,
        String aggregateId,
        long sequence,
        String source,
        Instant occurredAt,
        JsonNode payload) {

    /**
     * A new event of the given type with a fresh id, occurring now by the system clock: for producers outside the
     * services (tests, tools). A service's own events take their time from the business clock, in the outbox.
     */
    public static <P> EventEnvelope of(EventType<P> type, String aggregateId, long sequence, String source, P payload) {
        return new EventEnvelope(UUID.randomUUID(), type.name(), type.schemaVersion(), type.aggregateType(),
                aggregateId, sequence, source, Instant.now(), EventCodec.toTree(payload));
    }

    public boolean is(EventType<?> eventType) {
        return eventType.name().equals(type);
    }
}
