package io.computeclearing.margin.backtesting;

import io.computeclearing.margin.TestEvents;
import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.risk.RiskEvents;
import io.computeclearing.platform.events.risk.RiskEvents.BacktestTrafficLightChanged;
import io.computeclearing.platform.events.settlement.SettlementEvents;
import io.computeclearing.platform.events.settlement.SettlementEvents.IndexValuePublished;
import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.testsupport.TestTokens;
import io.computeclearing.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * risk-service's {@code BacktestTrafficLightChanged} on the risk topic shows beside the family's parameter proposal,
 * the latest business date per holding period; a late report changes nothing, a redelivery is absorbed, and a report
 * that breaks the contract parks with the family's later ones while other families go on.
 */
@QuarkusTest
class BacktestLightTest {

    private static final String CONSUMER = "margin-service.backtest-lights";
    private static final LocalDate DAY = TestEvents.DAY;
    private static final Instant CHANGED = Instant.parse("2026-11-24T19:05:00Z");

    @Inject
    DatabaseProbe db;

    @Test
    void aFamilyTurnedYellowAndRedShowsBesideItsProposal() {
        String family = proposable("BL");
        proposal(family).body("backtesting", empty());

        publish(light(family, DAY, 1, 7, 250, "YELLOW", "GREEN", CHANGED));
        publish(light(family, DAY, 2, 12, 249, "RED", "YELLOW", CHANGED));
        awaitTaken(family, 2);

        proposal(family)
                .body("family", equalTo(family))
                .body("parameters", hasSize(6))
                .body("backtesting", hasSize(2))
                .body("backtesting[0].holdingDays", equalTo(1))
                .body("backtesting[0].light", equalTo("YELLOW"))
                .body("backtesting[0].previousLight", equalTo("GREEN"))
                .body("backtesting[0].exceedances", equalTo(7))
                .body("backtesting[0].observations", equalTo(250))
                .body("backtesting[0].businessDate", equalTo(DAY.toString()))
                .body("backtesting[1].holdingDays", equalTo(2))
                .body("backtesting[1].light", equalTo("RED"))
                .body("backtesting[1].previousLight", equalTo("YELLOW"))
                .body("backtesting[1].exceedances", equalTo(12))
                .body("backtesting[1].observations", equalTo(249))
                .body("backtesting[1].businessDate", equalTo(DAY.toString()));
    }

    @Test
    void anOlderReportArrivingLateChangesNothingAndARedeliveryIsAbsorbed() {
        String family = proposable("BO");
        EventEnvelope red = light(family, DAY, 1, 10, 250, "RED", "YELLOW", CHANGED);
        publish(red);
        // turned yellow three days earlier, published before the red and delivered after it
        publish(light(family, DAY.minusDays(3), 1, 5, 250, "YELLOW", "GREEN", CHANGED.minus(Duration.ofDays(3))));
        TopicProbe.publish(Topics.RISK, family, EventCodec.encode(red));
        // the family's events are taken in order: once this one is in, the two before it have been taken
        publish(light(family, DAY, 2, 6, 249, "YELLOW", "GREEN", CHANGED));
        awaitTaken(family, 3);

        proposal(family)
                .body("backtesting", hasSize(2))
                .body("backtesting[0].light", equalTo("RED"))
                .body("backtesting[0].previousLight", equalTo("YELLOW"))
                .body("backtesting[0].exceedances", equalTo(10))
                .body("backtesting[0].businessDate", equalTo(DAY.toString()))
                .body("backtesting[1].light", equalTo("YELLOW"));

        // the same date observed again (its end of day run again) turns back to yellow: the later change stands
        publish(light(family, DAY, 1, 9, 250, "YELLOW", "RED", CHANGED.plus(Duration.ofHours(2))));
        awaitTaken(family, 4);
        proposal(family)
                .body("backtesting[0].light", equalTo("YELLOW"))
                .body("backtesting[0].previousLight", equalTo("RED"))
                .body("backtesting[0].exceedances", equalTo(9))
                .body("backtesting[0].businessDate", equalTo(DAY.toString()));

        // and green the next day
        publish(light(family, DAY.plusDays(1), 1, 4, 250, "GREEN", "YELLOW", CHANGED.plus(Duration.ofDays(1))));
        awaitTaken(family, 5);
        proposal(family)
                .body("backtesting[0].light", equalTo("GREEN"))
                .body("backtesting[0].exceedances", equalTo(4))
                .body("backtesting[0].businessDate", equalTo(DAY.plusDays(1).toString()));
    }

    @Test
    void aReportThatBreaksTheContractParksWithTheFamilysLaterOnes() {
        String family = TestEvents.newFamily("BP");
        String other = TestEvents.newFamily("BQ");
        String unreadable = TestEvents.newFamily("BU");
        EventEnvelope blue = light(family, DAY, 1, 7, 250, "BLUE", "GREEN", CHANGED);
        EventEnvelope behind = light(family, DAY.plusDays(1), 1, 11, 250, "RED", "YELLOW", CHANGED);
        publish(blue);
        publish(behind);
        TopicProbe.publish(Topics.RISK, unreadable, "{\"type\": \"BacktestTrafficLightChanged\", \"payload\": ");
        publish(light(other, DAY, 1, 5, 250, "YELLOW", "GREEN", CHANGED));

        await().atMost(Duration.ofSeconds(30)).until(() -> parked(family).getList("id").size() == 2
                && parked(unreadable).getList("id").size() == 1
                && db.count("select count(*) from backtest_family_light where family = ? and light = 'YELLOW'",
                other) == 1);
        JsonPath parked = parked(family);
        assertThat(parked.getList("eventId", String.class)).containsExactly(blue.id().toString(),
                behind.id().toString());
        assertThat(parked.getString("[0].reason")).contains("must be GREEN, YELLOW or RED, was BLUE");
        assertThat(parked.getString("[1].reason")).isEqualTo("behind parked event " + blue.id());
        assertThat(db.count("select count(*) from backtest_family_light where family = ?", family)).isZero();
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

        // risk-service never sends a blue light: the operator discards it and replays the family's red one
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"reason\": \"not a traffic light\"}")
                .post("/parked-events/{id}/discard", parked.getLong("[0].id")).then().statusCode(200)
                .body("status", equalTo("DISCARDED"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"consumer\": \"" + CONSUMER + "\", \"aggregateId\": \"" + family + "\"}")
                .post("/parked-events/replay").then().statusCode(200)
                .body("replayed", equalTo(1)).body("stillParked", equalTo(0));
        assertThat(db.count("select count(*) from backtest_family_light where family = ? and holding_days = 1 and "
                + "light = 'RED' and exceedances = 11 and business_date = ?", family, DAY.plusDays(1))).isEqualTo(1);
    }

    /** A family with parameters in force, a listed month and 21 values of its index: enough for a proposal. */
    private String proposable(String prefix) {
        String family = TestEvents.parameters(TestEvents.newFamily(prefix), "1.70", "0.30", "10.00");
        String index = "IDX-" + family;
        TestEvents.listed(family + "-202701", "USD", index);
        for (int i = 0; i <= 20; i++) {
            TopicProbe.publish(Topics.SETTLEMENT_INDICES, index, EventCodec.encode(EventEnvelope.of(
                    SettlementEvents.INDEX_VALUE_PUBLISHED, index, 1, "settlement-service", new IndexValuePublished(
                            index, DAY.minusDays(20 - i), new BigDecimal(i % 2 == 0 ? "1.60" : "2.00"), "USD", 1,
                            "PROVIDER", null, null, Instant.now()))));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                "select count(*) from index_value where index_id = ?", index) == 21);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> proposal(family));
        return family;
    }

    private static ValidatableResponse proposal(String family) {
        return given().auth().oauth2(TestTokens.risk()).when().get("/risk-parameters/" + family + "/proposal")
                .then().statusCode(200);
    }

    private static EventEnvelope light(String family, LocalDate date, int holdingDays, int exceedances,
                                       int observations, String light, String previous, Instant changedAt) {
        return EventEnvelope.of(RiskEvents.BACKTEST_TRAFFIC_LIGHT_CHANGED, family, 1, "risk-service",
                new BacktestTrafficLightChanged(family, date, holdingDays, exceedances, observations, light,
                        previous, changedAt));
    }

    private static void publish(EventEnvelope event) {
        TopicProbe.publish(Topics.RISK, event.aggregateId(), EventCodec.encode(event));
    }

    private void awaitTaken(String family, int events) {
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                "select count(*) from inbox_event where consumer = ? and aggregate_id = ?", CONSUMER, family)
                == events);
    }

    private static JsonPath parked(String aggregate) {
        return given().auth().oauth2(TestTokens.admin())
                .queryParam("consumer", CONSUMER).queryParam("aggregateId", aggregate)
                .get("/parked-events").then().statusCode(200).extract().jsonPath();
    }
}
