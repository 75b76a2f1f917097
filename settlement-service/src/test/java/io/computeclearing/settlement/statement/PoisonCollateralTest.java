package io.computeclearing.settlement.statement;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.events.account.AccountEvents.CollateralMovementRecorded;
import io.computeclearing.settlement.SettlementApi;
import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.testsupport.TestTokens;
import io.computeclearing.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The case that took settlement-service down: a deposit of 1E+400 USD, accepted upstream, overflows the statement's
 * cash movement column. The event parks with the account's later movements, other accounts go on, the service stays
 * ready and live, and once the bad deposit is discarded the replay applies the account's movements behind it.
 */
@QuarkusTest
class PoisonCollateralTest {

    private static final String CONSUMER = "settlement-service.collateral";

    @Inject
    DatabaseProbe db;

    @Test
    void aDepositTooLargeForItsColumnParksAndTheServiceStaysUp() {
        String member = SettlementApi.unique("POI");
        String poisoned = member + "-H";
        String other = SettlementApi.unique("OK") + "-H";
        Instant now = Instant.now();

        EventEnvelope huge = movement(poisoned, member, "E1-" + poisoned, new BigDecimal("1E+400"), now);
        EventEnvelope behind = movement(poisoned, member, "E2-" + poisoned, new BigDecimal("250.00"), now);
        EventEnvelope elsewhere = movement(other, member, "E1-" + other, new BigDecimal("100.00"), now);
        for (EventEnvelope event : List.of(huge, behind, elsewhere)) {
            TopicProbe.publish(Topics.ACCOUNTS, event.aggregateId(), EventCodec.encode(event));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> parked(poisoned).getList("id").size() == 2
                && db.count("select count(*) from statement_cash_movement where account_id = ?", other) == 1);
        JsonPath parked = parked(poisoned);
        assertThat(parked.getList("eventId", String.class))
                .containsExactly(huge.id().toString(), behind.id().toString());
        assertThat(parked.getString("[0].reason")).containsIgnoringCase("numeric field overflow");
        assertThat(parked.getString("[1].reason")).isEqualTo("behind parked event " + huge.id());
        assertThat(db.count("select count(*) from statement_cash_movement where account_id = ?", poisoned)).isZero();

        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));

        // The deposit cannot be stored as sent: the operator discards it (account-service reverses it) and replays.
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"reason\": \"deposit of 1E+400 USD entered by mistake; reversed in account-service\"}")
                .post("/parked-events/{id}/discard", parked.getLong("[0].id")).then().statusCode(200)
                .body("status", equalTo("DISCARDED"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"consumer\": \"" + CONSUMER + "\", \"aggregateId\": \"" + poisoned + "\"}")
                .post("/parked-events/replay").then().statusCode(200)
                .body("replayed", equalTo(1)).body("stillParked", equalTo(0));
        assertThat(db.count("select count(*) from statement_cash_movement where account_id = ? and quantity = 250",
                poisoned)).isEqualTo(1);
        assertThat(db.count("select count(*) from statement_cash_movement where account_id = ?", poisoned))
                .isEqualTo(1);
    }

    private static EventEnvelope movement(String account, String member, String entry, BigDecimal quantity,
                                          Instant at) {
        return EventEnvelope.of(AccountEvents.COLLATERAL_MOVEMENT_RECORDED, account, 1, "account-service",
                new CollateralMovementRecorded(entry, account, member, "DEPOSIT", "USD", quantity, at));
    }

    private static JsonPath parked(String account) {
        return given().auth().oauth2(TestTokens.admin())
                .queryParam("consumer", CONSUMER).queryParam("aggregateId", account)
                .get("/parked-events").then().statusCode(200).extract().jsonPath();
    }
}
