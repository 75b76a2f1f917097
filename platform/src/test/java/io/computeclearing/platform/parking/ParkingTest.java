package io.computeclearing.platform.parking;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.outbox.ProbeEvents;
import io.computeclearing.platform.outbox.ProbeEvents.Increment;
import io.computeclearing.testsupport.TestTokens;
import io.computeclearing.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.computeclearing.platform.outbox.ProbeEvents.INCREMENT;
import static io.computeclearing.platform.outbox.ProbeEvents.TOPIC;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A poison event parks instead of stopping the service: the probe consumer meets an event it cannot apply, the events
 * of that aggregate behind it park in order, other aggregates flow, the service stays ready and live; once the cause
 * is fixed a replay applies the parked events in order, exactly once.
 */
@QuarkusTest
class ParkingTest {

    private static final String CONSUMER = "platform-test.probe";

    @Inject
    ProbeEvents probe;

    @Test
    void aPoisonEventParksItsAggregateAndTheReplayAppliesItOnceFixed() {
        String account = unique("ACC");
        String other = unique("OTHER");
        String poisoned = unique("poisoned");
        String flowing = unique("flowing");
        probe.refuse(poisoned);

        UUID first = publish(account, new Increment(poisoned, 1), 1);
        UUID second = publish(account, new Increment(poisoned, 2), 2);
        publish(other, new Increment(flowing, 5), 3);
        UUID third = publish(account, new Increment(poisoned, 3), 4);
        publish(other, new Increment(flowing, 7), 5);

        await().atMost(Duration.ofSeconds(30)).until(() -> parked(account).size() == 3 && probe.counter(flowing) == 12);
        List<ParkedEventView> parked = parked(account);
        assertThat(parked).extracting(ParkedEventView::eventId).containsExactly(first, second, third);
        assertThat(parked.getFirst().reason()).isEqualTo("ArithmeticException: numeric field overflow: " + poisoned
                + " is switched off");
        assertThat(parked.subList(1, 3)).extracting(ParkedEventView::reason)
                .containsOnly("behind parked event " + first);
        assertThat(parked).extracting(ParkedEventView::status).containsOnly("PARKED");
        assertThat(probe.counter(poisoned)).isZero(); // the failed effect rolled back with its inbox record

        // The event, as parked: the record as received, the aggregate, the type.
        JsonPath one = given().auth().oauth2(TestTokens.admin()).get("/parked-events/{id}", parked.getFirst().id())
                .then().statusCode(200).extract().jsonPath();
        assertThat(one.getString("consumer")).isEqualTo(CONSUMER);
        assertThat(one.getString("eventType")).isEqualTo("Increment");
        assertThat(one.getString("aggregateId")).isEqualTo(account);
        assertThat(EventCodec.decode(one.getString("payload")).id()).isEqualTo(first);
        assertThat(one.getString("parkedAt")).isNotBlank();

        // Ready and live, with the count in readiness (its details are for admin) and in the metrics.
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        JsonPath ready = given().auth().oauth2(TestTokens.admin()).get("/q/health/ready").then().statusCode(200)
                .extract().jsonPath();
        assertThat(ready.getString("status")).isEqualTo("UP");
        assertThat(ready.getInt("checks.find { it.name == 'Parked events' }.data.'" + CONSUMER + "'"))
                .isGreaterThanOrEqualTo(3);
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .containsPattern("ccp_parked_events\\{consumer=\"" + CONSUMER.replace(".", "\\.") + "\"[^}]*} [1-9]");

        // Still broken: the replay stops at the first, which keeps its place and the others behind it.
        JsonPath stopped = replay(account);
        assertThat(stopped.getInt("replayed")).isZero();
        assertThat(stopped.getInt("stillParked")).isEqualTo(3);
        assertThat(stopped.getLong("failedId")).isEqualTo(parked.getFirst().id());
        assertThat(stopped.getString("failure")).startsWith("ArithmeticException");
        assertThat(probe.counter(poisoned)).isZero();

        // A later event of the account parks behind too, while the cause is being fixed.
        UUID fourth = publish(account, new Increment(poisoned, 4), 6);
        await().atMost(Duration.ofSeconds(30)).until(() -> parked(account).size() == 4);

        // Fixed: the replay applies them in order, once.
        probe.fix(poisoned);
        JsonPath done = replay(account);
        assertThat(done.getInt("replayed")).isEqualTo(4);
        assertThat(done.getInt("stillParked")).isZero();
        assertThat(probe.applied(poisoned)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(probe.counter(poisoned)).isEqualTo(10);
        assertThat(parked(account)).extracting(ParkedEventView::status).containsOnly("REPLAYED");
        assertThat(parked(account)).extracting(ParkedEventView::eventId).containsExactly(first, second, third, fourth);

        // A second replay does nothing; the account's events flow again; a redelivered parked event changes nothing.
        assertThat(replay(account).getInt("replayed")).isZero();
        TopicProbe.publish(TOPIC, account, EventCodec.encode(new EventEnvelope(first, INCREMENT.name(), 1, "counter",
                account, 1, "another-service", java.time.Instant.now(), EventCodec.toTree(new Increment(poisoned, 1)))));
        publish(account, new Increment(poisoned, 5), 7);
        await().atMost(Duration.ofSeconds(30)).until(() -> probe.counter(poisoned) == 15);
        assertThat(probe.applied(poisoned)).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(parked(account)).hasSize(4);
    }

    @Test
    void anUnreadableRecordParksUnderItsKeyAndAnAdminDiscardsIt() {
        String key = unique("BROKEN");
        TopicProbe.publish(TOPIC, key, "{not an envelope");
        await().atMost(Duration.ofSeconds(30)).until(() -> parked(key).size() == 1);
        ParkedEventView unreadable = parked(key).getFirst();
        assertThat(unreadable.eventId()).isNull();
        assertThat(unreadable.reason()).startsWith("IllegalArgumentException: not an event envelope");

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{\"reason\": \"\"}")
                .post("/parked-events/{id}/discard", unreadable.id()).then().statusCode(400);
        JsonPath discarded = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"reason\": \"garbage from a broken producer\"}")
                .post("/parked-events/{id}/discard", unreadable.id()).then().statusCode(200).extract().jsonPath();
        assertThat(discarded.getString("status")).isEqualTo("DISCARDED");
        assertThat(discarded.getString("discardedBy")).isEqualTo("admin");
        assertThat(discarded.getString("discardReason")).isEqualTo("garbage from a broken producer");
        assertThat(discarded.getString("discardedAt")).isNotBlank();
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{\"reason\": \"again\"}")
                .post("/parked-events/{id}/discard", unreadable.id()).then().statusCode(409)
                .body("type", equalTo("/problems/parked-event-not-waiting"));

        // Nothing waits for the key any more: its next event flows.
        String counter = unique("after");
        publish(key, new Increment(counter, 2), 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> probe.counter(counter) == 2);
    }

    @Test
    void onlyAnAdminSeesParkedEvents() {
        given().auth().oauth2(TestTokens.backOffice()).get("/parked-events").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).get("/parked-events?size=201").then().statusCode(400);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"consumer\": \"platform-test.nothing\", \"aggregateId\": \"X\"}")
                .post("/parked-events/replay").then().statusCode(404);
    }

    record ParkedEventView(long id, UUID eventId, String reason, String status) {
    }

    private static List<ParkedEventView> parked(String aggregate) {
        JsonPath list = given().auth().oauth2(TestTokens.admin())
                .queryParam("consumer", CONSUMER).queryParam("aggregateId", aggregate)
                .get("/parked-events").then().statusCode(200).extract().jsonPath();
        List<Integer> ids = list.getList("id", Integer.class);
        List<String> eventIds = list.getList("eventId", String.class);
        List<String> reasons = list.getList("reason", String.class);
        List<String> statuses = list.getList("status", String.class);
        return java.util.stream.IntStream.range(0, ids.size())
                .mapToObj(i -> new ParkedEventView(ids.get(i), eventIds.get(i) == null ? null
                        : UUID.fromString(eventIds.get(i)), reasons.get(i), statuses.get(i)))
                .toList();
    }

    private static JsonPath replay(String aggregate) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"consumer\": \"" + CONSUMER + "\", \"aggregateId\": \"" + aggregate + "\"}")
                .post("/parked-events/replay").then().statusCode(200).extract().jsonPath();
    }

    private static UUID publish(String aggregate, Increment increment, long sequence) {
        EventEnvelope event = EventEnvelope.of(INCREMENT, aggregate, sequence, "another-service", increment);
        TopicProbe.publish(TOPIC, aggregate, EventCodec.encode(event));
        return event.id();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
