package io.computeclearing.platform.accounts;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.testsupport.TopicProbe;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Publishes account-service's events on the test broker the way its outbox relay does: keyed by aggregate id. */
final class AccountServiceRelay {

    private static final AtomicLong OUTBOX_POSITION = new AtomicLong();

    private AccountServiceRelay() {
    }

    /** Publishes a new event and returns its envelope, so that a test can deliver it again. */
    static <P> EventEnvelope publish(EventType<P> type, String aggregateId, P payload) {
        EventEnvelope event = EventEnvelope.of(type, aggregateId, OUTBOX_POSITION.incrementAndGet(), "account-service",
                payload);
        redeliver(event);
        return event;
    }

    /** Publishes an envelope exactly as before, as a relay that crashed before marking it published would. */
    static void redeliver(EventEnvelope event) {
        TopicProbe.publish(Topics.ACCOUNTS, event.aggregateId(), EventCodec.encode(event));
    }

    /** A fresh id for a member or an account, so that tests sharing one broker and database never meet. */
    static String uniqueId(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
