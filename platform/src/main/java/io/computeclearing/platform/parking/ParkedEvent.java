package io.computeclearing.platform.parking;

import java.time.Instant;
import java.util.UUID;

/**
 * An event a consumer could not apply, or one parked behind it, as the operator sees it. {@code eventId} and
 * {@code eventType} are null for a record that was not an event envelope; {@code payload} is the record as received.
 */
public record ParkedEvent(long id, String consumer, UUID eventId, String eventType, String aggregateId,
                          String payload, String reason, Instant parkedAt, Status status, Instant replayedAt,
                          String replayedBy, Instant discardedAt, String discardedBy, String discardReason) {

    /** PARKED waits for an operator; REPLAYED was applied by a replay; DISCARDED was given up by an operator. */
    public enum Status {
        PARKED, REPLAYED, DISCARDED
    }

    /** How the events parked behind this one name it. */
    String label() {
        return eventId != null ? eventId.toString() : "#" + id;
    }
}
