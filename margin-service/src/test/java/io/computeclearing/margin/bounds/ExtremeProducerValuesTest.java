package io.computeclearing.margin.bounds;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.risk.RiskEvents;
import io.computeclearing.platform.events.risk.RiskEvents.BacktestTrafficLightChanged;
import io.computeclearing.platform.events.settlement.SettlementEvents;
import io.computeclearing.platform.events.settlement.SettlementEvents.IndexValuePublished;
import io.computeclearing.platform.events.settlement.SettlementEvents.SettlementPricePublished;
import io.computeclearing.margin.TestEvents;
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

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThan;

/**
 * The largest settlement price and index value settlement-service accepts (12 digits before the point, 8 after: see
 * docs/api.md, Bounds) are applied by margin-service's projections (numeric(24,8)) exactly; risk-service's backtest
 * light with the largest counts its ints can carry, for a family of the longest symbol (16), is kept; and the largest
 * position under the largest risk parameters is margined and stored (its requirement has about 60 digits).
 */
@QuarkusTest
class ExtremeProducerValuesTest {

    private static final RestAssuredConfig DECIMALS = RestAssured.config().jsonConfig(
            JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    private static final BigDecimal LARGEST = new BigDecimal("999999999999.99999999");
    private static final LocalDate DAY = LocalDate.of(2029, 7, 2);

    @Inject
    DatabaseProbe db;

    @Test
    void theLargestSettlementPriceIsApplied() {
        String instrument = "ZX" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-202907";
        for (BigDecimal price : new BigDecimal[]{LARGEST, LARGEST.negate()}) {
            int version = price.signum() > 0 ? 1 : 2;
            TopicProbe.publish(Topics.SETTLEMENT_PRICES, instrument, EventCodec.encode(EventEnvelope.of(
                    SettlementEvents.SETTLEMENT_PRICE_PUBLISHED, instrument, version, "settlement-service",
                    new SettlementPricePublished(instrument, DAY, price, "USD", version, Instant.now()))));
            await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                    "select count(*) from settlement_price where instrument_id = ? and price = ?", instrument,
                    price) == 1);
        }
    }

    @Test
    void theLargestIndexValueIsApplied() {
        String index = "ZX" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        TopicProbe.publish(Topics.SETTLEMENT_INDICES, index, EventCodec.encode(EventEnvelope.of(
                SettlementEvents.INDEX_VALUE_PUBLISHED, index, 1, "settlement-service",
                new IndexValuePublished(index, DAY, LARGEST, "USD", 1, "PROVIDER", null, null, Instant.now()))));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                "select count(*) from index_value where index_id = ? and value = ?", index, LARGEST) == 1);
    }

    @Test
    void theLargestBacktestCountsAreApplied() {
        String family = ("ZX" + UUID.randomUUID().toString().replace("-", "")).substring(0, 16).toUpperCase();
        int largest = Integer.MAX_VALUE;
        TopicProbe.publish(Topics.RISK, family, EventCodec.encode(EventEnvelope.of(
                RiskEvents.BACKTEST_TRAFFIC_LIGHT_CHANGED, family, 1, "risk-service", new BacktestTrafficLightChanged(
                        family, DAY, largest, largest, largest, "YELLOW", "GREEN", Instant.now()))));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count("select count(*) from backtest_family_light "
                + "where family = ? and holding_days = ? and exceedances = ? and observations = ?", family, largest,
                largest, largest) == 1);
    }

    @Test
    void theLargestPositionUnderTheLargestParametersIsMargined() {
        String family = "ZX" + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace('-', '0');
        String largest = """
                {"currency": "USD", "contractUnit": 99999999999999.9999, "priceScanFraction": 999.999999,
                 "referencePrice": 999999999999.999999, "extremeMoveMultiple": 99999.9999, "extremeMoveCover": 1,
                 "intraSpreadCharge": 9999999999999999.99, "ratioHouse": 99999.9999,
                 "ratioClientOmnibus": 99999.9999, "ratioClientSegregated": 99999.9999}""";
        revise(family, largest);
        String account = TestEvents.open(family, "H1", "HOUSE");
        TestEvents.position(family, account, family + "-202907", Long.MAX_VALUE, 0, 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().config(DECIMALS)
                .auth().oauth2(TestTokens.risk()).when().get("/margin/accounts/" + account)
                .then().statusCode(200).body("requirements[0].initialMargin", greaterThan(new BigDecimal("1e50"))));

        // a version effective today re-margins the account inside the request: it must not fail either
        revise(family, largest);
    }

    private static void revise(String family, String parameters) {
        given().auth().oauth2(TestTokens.risk()).contentType("application/json").body(parameters)
                .when().put("/risk-parameters/" + family)
                .then().statusCode(201);
    }
}
