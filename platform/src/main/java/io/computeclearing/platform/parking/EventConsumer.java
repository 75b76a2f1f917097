package io.computeclearing.platform.parking;

import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;

import java.util.List;

/**
 * A consumer of one incoming channel, as {@link Consumption} runs it: the event types it applies and their effect. Its
 * {@code @Incoming} method hands each record to {@link Consumption#apply}; a replay finds it again by its inbox name
 * ({@code <application>.<channel>}), so a parked event goes through the same code as a live one.
 */
public interface EventConsumer {

    /** The incoming channel, as in {@code mp.messaging.incoming.<channel>}. */
    String channel();

    /** The event types it applies; others on its topic are passed over. */
    List<EventType<?>> accepts();

    /** The event's effect. Runs in the transaction that records the event in the inbox; throwing parks the event. */
    void apply(EventEnvelope event);
}
