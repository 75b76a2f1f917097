package io.computeclearing.margin.proposal;

import io.computeclearing.margin.TestEvents;
import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.settlement.SettlementEvents;
import io.computeclearing.platform.events.settlement.SettlementEvents.IndexValuePublished;
import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.testsupport.TestTokens;
import io.computeclearing.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Proposals from 21 index values alternating 1.60 and 2.00 (changes +25% and -20%), z = 2.326, h = 2 days, contract
 * unit 1000, in force: reference price 1.70, scan fraction 0.30 (510.00 a contract), spread charge 10.00.
 * <pre>
 * sigma    = sqrt((10 x 0.0625 + 10 x 0.04) / 20) = sqrt(0.05125)       = 0.2263846284...
 * fraction = 2.326 x 0.2263846284 x sqrt(2)       = 0.7446833488...      -> 0.744684 (UP, 6 dp)
 * scan     = 1.60 x 0.744684 x 1000               = 1,191.4944          -> 1,191.50 (UP)
 * intra    = 2% x 1,191.50                        = 23.83
 * vol scan = 2.326 x 0.0051336311 x sqrt(2)       = 0.0168868780...      -> 0.016887 (UP)
 * </pre>
 * Flags at 10%: the scan fraction, the scan range and the spread charge lag the market; the reference price (1.70
 * against 1.60: 0.10, within 0.16) does not.
 */
@QuarkusTest
class ParameterProposalTest {

    private static final RestAssuredConfig DECIMALS = RestAssured.config().jsonConfig(
            JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    private static final LocalDate LAST = TestEvents.DAY;

    @Inject
    DataSource dataSource;

    @Test
    void proposalFromIndexHistoryStandsBesideTheParametersInForce() {
        String family = TestEvents.parameters(TestEvents.newFamily("PP"), "1.70", "0.30", "10.00");
        String index = "IDX-" + family;
        TestEvents.listed(family + "-202701", "USD", index);
        for (int i = 0; i < 20; i++) {
            publish(index, LAST.minusDays(20 - i), i % 2 == 0 ? "1.60" : "2.00", 1);
        }
        // The last date is restated (1.70 -> 1.60); an older version and a redelivery change nothing.
        publish(index, LAST, "1.70", 1);
        EventEnvelope restated = publish(index, LAST, "1.60", 2);
        publish(index, LAST, "9.99", 1);
        TopicProbe.publish(Topics.SETTLEMENT_INDICES, index, EventCodec.encode(restated));
        DatabaseProbe db = new DatabaseProbe(dataSource);
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                "select count(*) from inbox_event where consumer = 'margin-service.index-values' and aggregate_id = ?",
                index) == 23);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().config(DECIMALS).auth().oauth2(TestTokens.risk()).when()
                        .get("/risk-parameters/" + family + "/proposal")
                        .then().statusCode(200)
                        .body("indexId", equalTo(index))
                        .body("observations", equalTo(21))
                        .body("from", equalTo(LAST.minusDays(20).toString()))
                        .body("to", equalTo(LAST.toString()))
                        .body("latestIndexValue", comparesEqualTo(new BigDecimal("1.60")))
                        .body("dailyVolatility", comparesEqualTo(new BigDecimal("0.22638463")))
                        .body("z", comparesEqualTo(new BigDecimal("2.326")))
                        .body("holdingPeriodDays", equalTo(2))
                        .body("parameters[0].parameter", equalTo("priceScanFraction"))
                        .body("parameters[0].inForce", comparesEqualTo(new BigDecimal("0.30")))
                        .body("parameters[0].proposed", comparesEqualTo(new BigDecimal("0.744684")))
                        .body("parameters[0].difference", comparesEqualTo(new BigDecimal("-0.444684")))
                        .body("parameters[0].lagsMarket", equalTo(true))
                        .body("parameters[1].parameter", equalTo("referencePrice"))
                        .body("parameters[1].proposed", comparesEqualTo(new BigDecimal("1.60")))
                        .body("parameters[1].difference", comparesEqualTo(new BigDecimal("0.10")))
                        .body("parameters[1].lagsMarket", equalTo(false))
                        .body("parameters[2].parameter", equalTo("scanRangePerContract"))
                        .body("parameters[2].inForce", comparesEqualTo(new BigDecimal("510.00")))
                        .body("parameters[2].proposed", comparesEqualTo(new BigDecimal("1191.50")))
                        .body("parameters[2].lagsMarket", equalTo(true))
                        .body("parameters[3].parameter", equalTo("intraSpreadCharge"))
                        .body("parameters[3].proposed", comparesEqualTo(new BigDecimal("23.83")))
                        .body("parameters[3].lagsMarket", equalTo(true))
                        // every daily move is 0.40: 2.326 x 0.40 x sqrt(2) x 1000 = 1,315.7843, rounded up
                        .body("parameters[4].parameter", equalTo("priceScanFloor"))
                        .body("parameters[4].inForce", comparesEqualTo(BigDecimal.ZERO))
                        .body("parameters[4].proposed", comparesEqualTo(new BigDecimal("1315.79")))
                        .body("parameters[4].lagsMarket", equalTo(true))
                        .body("parameters[5].parameter", equalTo("volatilityScanRange"))
                        .body("parameters[5].inForce", nullValue())
                        .body("parameters[5].proposed", comparesEqualTo(new BigDecimal("0.016887"))));
    }

    @Test
    void proposalIsRefusedWithoutEnoughHistoryOrWithoutAnIndex() {
        String family = TestEvents.parameters(TestEvents.newFamily("PS"), "1.70", "0.30", "10.00");
        given().auth().oauth2(TestTokens.risk()).when().get("/risk-parameters/" + family + "/proposal")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/no-index"));

        String index = "IDX-" + family;
        TestEvents.listed(family + "-202701", "USD", index);
        for (int i = 0; i < 5; i++) {
            publish(index, LAST.minusDays(5 - i), "1.60", 1);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.risk()).when().get("/risk-parameters/" + family + "/proposal")
                        .then().statusCode(409)
                        .body("type", equalTo("/problems/index-history-too-short"))
                        .body("detail", equalTo("Index " + index + " has 5 value(s); a proposal for " + family
                                + " needs 21 (20 daily changes).")));
    }

    @Test
    void onlyRiskMayAskForAProposal() {
        given().when().get("/risk-parameters/GH100/proposal").then().statusCode(401);
        given().auth().oauth2(TestTokens.backOffice()).when().get("/risk-parameters/GH100/proposal")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.member("ANY")).when().get("/risk-parameters/GH100/proposal")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.risk()).when().get("/risk-parameters/NOSUCH/proposal")
                .then().statusCode(404).body("type", equalTo("/problems/not-found"));
    }

    private static EventEnvelope publish(String index, LocalDate date, String value, int version) {
        EventEnvelope event = EventEnvelope.of(SettlementEvents.INDEX_VALUE_PUBLISHED, index, version,
                "settlement-service", new IndexValuePublished(index, date, new BigDecimal(value), "USD", version,
                        "PROVIDER", null, version > 1 ? "late trades" : null, Instant.now()));
        TopicProbe.publish(Topics.SETTLEMENT_INDICES, index, EventCodec.encode(event));
        return event;
    }
}
