package io.computeclearing.clearing.transfer;

import io.computeclearing.clearing.Api;
import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.risk.RiskEvents;
import io.computeclearing.platform.events.risk.RiskEvents.PositionTransferInstructed;
import io.computeclearing.platform.events.risk.RiskEvents.TransferLeg;
import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.testsupport.TopicProbe;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** Transfer instructions as risk-service would publish them, and what clearing-service answered. */
final class Transfers {

    /** The inbox and parking name of the transfers consumer. */
    static final String CONSUMER = "clearing-service.position-transfers";

    private Transfers() {
    }

    /** An instruction of {@code purpose} from a defaulter's account to a receiver's, under a new transfer id. */
    record Instruction(String transferId, String purpose, String fromMember, String fromAccount, String toMember,
                       String toAccount, LocalDate priceDate, List<TransferLeg> legs) {

        static Instruction of(String purpose, String fromMember, String fromAccount, String toMember,
                              String toAccount, LocalDate priceDate, TransferLeg... legs) {
            return new Instruction(Api.unique("T-"), purpose, fromMember, fromAccount, toMember, toAccount, priceDate,
                    List.of(legs));
        }

        PositionTransferInstructed payload() {
            return new PositionTransferInstructed(transferId, 41, purpose, fromAccount, fromMember, toAccount,
                    toMember, priceDate, legs, "risk.officer", Instant.parse("2024-03-05T09:30:00.123456Z"));
        }

        /** A new envelope (a new event id) carrying it, keyed by the giving account. */
        EventEnvelope envelope() {
            return EventEnvelope.of(RiskEvents.POSITION_TRANSFER_INSTRUCTED, fromAccount, 1, "risk-service",
                    payload());
        }
    }

    static TransferLeg leg(String instrumentId, long quantity, String price) {
        return new TransferLeg(instrumentId, quantity, new BigDecimal(price));
    }

    /** Publishes the instruction in a new envelope; returns it. */
    static EventEnvelope publish(Instruction instruction) {
        EventEnvelope envelope = instruction.envelope();
        publish(envelope);
        return envelope;
    }

    static void publish(EventEnvelope envelope) {
        publishRaw(envelope.aggregateId(), EventCodec.encode(envelope));
    }

    static void publishRaw(String key, String record) {
        TopicProbe.publish(Topics.RISK, key, record);
    }

    /** Waits until clearing-service decided the transfer (booked or refused). */
    static void awaitDecision(DatabaseProbe database, String transferId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> database.count(
                "select count(*) from position_transfer where transfer_id = ?", transferId) == 1);
    }

    /** Waits until the transfers consumer took the event (applied or found it a duplicate). */
    static void awaitConsumed(DatabaseProbe database, EventEnvelope event) {
        await().atMost(Duration.ofSeconds(30)).until(() -> database.count(
                "select count(*) from inbox_event where consumer = ? and event_id = ?", CONSUMER, event.id()) == 1);
    }

    /**
     * The events of {@code type} on {@code topic} that match, read from the beginning until {@code expected} of them
     * arrived (or 30 seconds passed: then fewer come back, and the caller's assertion says what is missing).
     */
    static <P> List<P> published(String topic, EventType<P> type, Predicate<P> which, int expected) {
        List<P> found = new ArrayList<>();
        TopicProbe.readUntil(topic, record -> {
            EventEnvelope event = EventCodec.decode(record.value());
            if (event.is(type)) {
                P payload = EventCodec.payload(event, type);
                if (which.test(payload)) {
                    found.add(payload);
                }
            }
            return found.size() >= expected;
        }, Duration.ofSeconds(30));
        return found;
    }

    /** How many events of the type the service recorded (published or about to be) about the transfer. */
    static long recorded(DatabaseProbe database, String eventType, String transferId) {
        return database.count("select count(*) from outbox_event where event_type = ? "
                + "and payload->>'transferId' = ?", eventType, transferId);
    }
}
