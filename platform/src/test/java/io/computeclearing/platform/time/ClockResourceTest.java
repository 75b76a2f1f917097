package io.computeclearing.platform.time;

import io.computeclearing.platform.outbox.Outbox;
import io.computeclearing.platform.outbox.ProbeEvents;
import io.computeclearing.platform.outbox.ProbeEvents.Increment;
import io.computeclearing.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import static io.computeclearing.platform.outbox.ProbeEvents.INCREMENT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The business clock of a running service: read by anyone signed in, moved by an admin (the test profile turns
 * {@code ccp.clock.adjustable} on), and what the outbox and inbox stamp their rows with.
 */
@QuarkusTest
class ClockResourceTest {

    @Inject
    BusinessClock businessClock;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    ProbeEvents probe;

    @Inject
    EntityManager em;

    @AfterEach
    void backToTheSystemClock() {
        businessClock.reset();
    }

    @Test
    void theInjectedClockIsTheBusinessClock() {
        businessClock.advance(Duration.ofDays(3));

        assertThat(clock.instant()).isCloseTo(Instant.now().plus(Duration.ofDays(3)), within(Duration.ofSeconds(5)));
    }

    @Test
    void requestsWithoutTokenAreRejected() {
        given().get("/clock").then().statusCode(401);
        given().contentType("application/json").body("{\"offset\":\"P1D\"}").put("/clock").then().statusCode(401);
    }

    @Test
    void anyRoleReadsTheBusinessTime() {
        businessClock.fix(Instant.parse("2026-12-01T08:59:30Z"));

        given().auth().oauth2(TestTokens.member("ANY")).get("/clock").then().statusCode(200)
                .body("now", equalTo("2026-12-01T08:59:30Z"))
                .body("frozen", equalTo(true))
                .body("adjustable", equalTo(true));
        given().auth().oauth2(TestTokens.token("indexco", Set.of("index-provider"), null)).get("/clock")
                .then().statusCode(200).body("now", equalTo("2026-12-01T08:59:30Z"));
    }

    @Test
    void onlyAnAdminMovesIt() {
        given().auth().oauth2(TestTokens.risk()).contentType("application/json").body("{\"offset\":\"P1D\"}")
                .put("/clock").then().statusCode(403);
        given().auth().oauth2(TestTokens.backOffice()).contentType("application/json").body("{\"offset\":\"P1D\"}")
                .put("/clock").then().statusCode(403);

        assertThat(businessClock.setting()).isEqualTo(new BusinessClock.Setting(Duration.ZERO, null));
    }

    @Test
    void anAdminMovesItByAnOffsetAndEventsAreStampedWithTheBusinessTime() {
        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body("{\"offset\":\"P2DT3H\"}")
                .put("/clock").then().statusCode(200)
                .body("offset", equalTo("PT51H"))
                .body("frozen", equalTo(false));
        Instant expected = Instant.now().plus(Duration.ofHours(51));
        assertThat(clock.instant()).isCloseTo(expected, within(Duration.ofSeconds(5)));

        String counter = "clock-" + UUID.randomUUID();
        UUID eventId = QuarkusTransaction.requiringNew()
                .call(() -> outbox.record(INCREMENT, counter, new Increment(counter, 1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> probe.counter(counter) == 1);

        assertThat(stamp("select occurred_at from outbox_event where event_id = :id", eventId))
                .isCloseTo(expected, within(Duration.ofSeconds(30)));
        assertThat(stamp("select published_at from outbox_event where event_id = :id", eventId))
                .isCloseTo(expected, within(Duration.ofSeconds(30)));
        assertThat(stamp("select processed_at from inbox_event where event_id = :id", eventId))
                .isCloseTo(expected, within(Duration.ofSeconds(30)));

        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body("{\"offset\":\"PT0S\"}")
                .put("/clock").then().statusCode(200).body("offset", equalTo("PT0S"));
        assertThat(clock.instant()).isCloseTo(Instant.now(), within(Duration.ofSeconds(5)));
    }

    @Test
    void anAdminSetsItToAnInstantFrozenOrRunning() {
        given().auth().oauth2(TestTokens.admin()).contentType("application/json")
                .body("{\"instant\":\"2027-03-19T09:00:00Z\",\"frozen\":true}")
                .put("/clock").then().statusCode(200)
                .body("now", equalTo("2027-03-19T09:00:00Z"))
                .body("frozen", equalTo(true));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2027-03-19T09:00:00Z"));

        given().auth().oauth2(TestTokens.admin()).contentType("application/json")
                .body("{\"instant\":\"2027-03-19T09:00:00Z\"}")
                .put("/clock").then().statusCode(200).body("frozen", equalTo(false));
        assertThat(clock.instant()).isBetween(Instant.parse("2027-03-19T09:00:00Z"),
                Instant.parse("2027-03-19T09:00:10Z"));
    }

    @Test
    void anInvalidMoveIsAProblemAndMovesNothing() {
        refused("{}", "instant", "give either instant or offset, not both and not neither");
        refused("{\"instant\":\"2027-03-19T09:00:00Z\",\"offset\":\"PT1H\"}", "instant",
                "give either instant or offset, not both and not neither");
        refused("{\"instant\":\"2027-03-19\"}", "instant", "not an ISO-8601 instant such as 2026-12-01T08:00:00Z");
        refused("{\"offset\":\"one day\"}", "offset", "not an ISO-8601 duration such as P1DT2H or -PT30M");
        refused("{\"offset\":\"P3654D\"}", "offset", "must be at most 3653 days from the system clock");
        refused("{\"instant\":\"1999-12-31T23:59:59Z\"}", "instant", "must be at most 3653 days from the system clock");
        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body("{\"offset\":\"PT1H\",\"by\":1}")
                .put("/clock").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/malformed-request"));

        assertThat(businessClock.setting()).isEqualTo(new BusinessClock.Setting(Duration.ZERO, null));
    }

    private static void refused(String body, String field, String message) {
        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body(body)
                .put("/clock").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("violations[0].field", equalTo(field))
                .body("violations[0].message", equalTo(message));
    }

    private Instant stamp(String sql, UUID eventId) {
        Object value = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql)
                .setParameter("id", eventId).getSingleResult());
        return switch (value) {
            case OffsetDateTime time -> time.toInstant();
            case Timestamp time -> time.toInstant();
            case Instant time -> time;
            default -> throw new IllegalStateException("not a timestamp: " + value);
        };
    }
}
