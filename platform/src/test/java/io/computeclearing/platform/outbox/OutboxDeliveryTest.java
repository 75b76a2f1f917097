package io.computeclearing.platform.outbox;

import io.computeclearing.embedded.KafkaBroker;
import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.outbox.ProbeEvents.Increment;
import io.computeclearing.testsupport.KafkaResource;
import io.computeclearing.testsupport.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.computeclearing.platform.outbox.ProbeEvents.INCREMENT;
import static io.computeclearing.platform.outbox.ProbeEvents.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The delivery guarantees every service relies on, proven against a real PostgreSQL and a real Kafka broker: committed
 * events survive a broker outage, rolled-back ones never leave, and a redelivered event has one effect.
 */
@QuarkusTest
class OutboxDeliveryTest {

    @Inject
    Outbox outbox;

    @Inject
    ProbeEvents probe;

    @Inject
    EntityManager em;

    @Test
    void eventCommittedWhileBrokerIsDownIsDeliveredOnceItIsBack() {
        String counter = unique("outage");
        KafkaBroker broker = KafkaResource.broker();
        broker.stop();
        UUID eventId;
        try {
            eventId = QuarkusTransaction.requiringNew().call(() -> outbox.record(INCREMENT, counter, new Increment(counter, 5)));
            // The relay tries, the broker does not answer, the event stays in the outbox.
            await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10))
                    .until(() -> publishedAt(eventId) == null);
            assertThat(probe.counter(counter)).isZero();
        } finally {
            broker.start();
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> probe.counter(counter) == 5);
        await().atMost(Duration.ofSeconds(10)).until(() -> publishedAt(eventId) != null);
    }

    @Test
    void rolledBackTransactionPublishesNothing() {
        String rolledBack = unique("rolled-back");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.record(INCREMENT, rolledBack, new Increment(rolledBack, 1));
            throw new IllegalStateException("a business rule failed after the event was recorded");
        })).isInstanceOf(IllegalStateException.class);

        // An event committed afterwards on the same key is delivered; the rolled-back one never exists.
        String marker = unique("marker");
        QuarkusTransaction.requiringNew().run(() -> outbox.record(INCREMENT, rolledBack, new Increment(marker, 1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> probe.counter(marker) == 1);

        assertThat(probe.counter(rolledBack)).isZero();
        List<ConsumerRecord<String, String>> onTopic = TopicProbe.readAll(TOPIC, Duration.ofSeconds(2));
        assertThat(onTopic).filteredOn(r -> r.value().contains(rolledBack + "\",\"by\"")).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> em
                .createQuery("select count(e) from OutboxEvent e where e.aggregateId = :id", Long.class)
                .setParameter("id", rolledBack).getSingleResult())).isEqualTo(1L); // only the marker
    }

    @Test
    void redeliveredEventIsAppliedOnce() {
        String counter = unique("redelivered");
        EventEnvelope event = EventEnvelope.of(INCREMENT, counter, 1, "another-service", new Increment(counter, 7));
        String json = EventCodec.encode(event);
        TopicProbe.publish(TOPIC, counter, json);
        TopicProbe.publish(TOPIC, counter, json);

        // Same key, so the marker is consumed after both copies.
        String marker = unique("marker");
        TopicProbe.publish(TOPIC, counter, EventCodec.encode(
                EventEnvelope.of(INCREMENT, counter, 2, "another-service", new Increment(marker, 1))));
        await().atMost(Duration.ofSeconds(30)).until(() -> probe.counter(marker) == 1);

        assertThat(probe.counter(counter)).isEqualTo(7);
    }

    @Test
    void eventLeftUnpublishedByAStoppedProcessIsPublishedByTheNextOne() {
        // A process that committed and died before its relay ran leaves just a row; nothing in memory is needed.
        String counter = unique("orphan");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into outbox_event (event_id, topic, aggregate_type, aggregate_id, event_type, schema_version,
                                                  occurred_at, payload)
                        values (:id, :topic, 'counter', :key, :type, 1, now(), cast(:payload as jsonb))""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("topic", TOPIC)
                .setParameter("key", counter)
                .setParameter("type", INCREMENT.name())
                .setParameter("payload", EventCodec.toTree(new Increment(counter, 3)).toString())
                .executeUpdate());

        await().atMost(Duration.ofSeconds(30)).until(() -> probe.counter(counter) == 3);
    }

    @Test
    void eventsOfOneAggregateArriveInTheOrderTheyWereCommitted() {
        String key = unique("ordered");
        for (int i = 1; i <= 20; i++) {
            long by = i;
            QuarkusTransaction.requiringNew().run(() -> outbox.record(INCREMENT, key, new Increment(key, by)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> probe.counter(key) == 210);

        List<Long> amounts = TopicProbe.readAll(TOPIC, Duration.ofSeconds(2)).stream()
                .filter(r -> key.equals(r.key()))
                .map(r -> EventCodec.payload(EventCodec.decode(r.value()), INCREMENT).by())
                .toList();
        assertThat(amounts).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L,
                11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L, 20L);
    }

    private Instant publishedAt(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> em
                .createQuery("select e.publishedAt from OutboxEvent e where e.eventId = :id", Instant.class)
                .setParameter("id", eventId)
                .getSingleResult());
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
