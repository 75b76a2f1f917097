package io.computeclearing.margin.whatif;

import io.computeclearing.margin.TestEvents;
import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.clearing.ClearingEvents;
import io.computeclearing.testsupport.TopicProbe;
import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

/**
 * What-if margin computes with the seeded GH100 parameters (650.00 scan range a contract, 13.00 a calendar spread,
 * clients x 1.10) and TKFRC (16,500.00 CNY a contract), and writes nothing.
 */
@QuarkusTest
class WhatIfMarginTest {

    private static final RestAssuredConfig DECIMALS = RestAssured.config().jsonConfig(
            JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    private static final String MEMBER = "MWI" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    @Inject
    DataSource dataSource;

    @Test
    void tradesShowTheRequirementBeforeAndAfterAndNothingIsStored() {
        // Now +10 Jan: 6,500.00. After BUY 2 Jan and SELL 4 Feb: +12 Jan / -4 Feb, net 8 x 650.00 = 5,200.00 scan
        // plus 4 spreads x 13.00 = 52.00: 5,252.00 (HOUSE: initial = maintenance). Change -1,248.00.
        TestEvents.listed("GH100-202702", "USD", "GPU-H100-USD");
        String account = TestEvents.open(MEMBER, "H1", "HOUSE");
        TestEvents.position(MEMBER, account, "GH100-202701", 10, 0, 1);
        TestEvents.awaitPublished(account, 1);
        DatabaseProbe db = new DatabaseProbe(dataSource);
        long outbox = db.count("select count(*) from outbox_event");
        long stored = db.count("select count(*) from account_margin where account_id = ?", account);

        Map<String, Object> body = Map.of("accountId", account, "trades", List.of(
                Map.of("instrumentId", "GH100-202701", "side", "BUY", "quantity", 2),
                Map.of("instrumentId", "GH100-202702", "side", "SELL", "quantity", 4)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                post(TestTokens.member(MEMBER), body).then().statusCode(200)
                        .body("accountType", equalTo("HOUSE"))
                        .body("before[0].maintenanceMargin", comparesEqualTo(new BigDecimal("6500.00")))
                        .body("after[0].currency", equalTo("USD"))
                        .body("after[0].initialMargin", comparesEqualTo(new BigDecimal("5252.00")))
                        .body("after[0].maintenanceMargin", comparesEqualTo(new BigDecimal("5252.00")))
                        .body("after[0].charges[0].scanRisk", comparesEqualTo(new BigDecimal("5200.00")))
                        .body("after[0].charges[0].intraSpreadCharge", comparesEqualTo(new BigDecimal("52.00")))
                        .body("change[0].initialMargin", comparesEqualTo(new BigDecimal("-1248.00"))));

        assertThat(db.count("select count(*) from outbox_event")).isEqualTo(outbox);
        assertThat(db.count("select count(*) from account_margin where account_id = ?", account)).isEqualTo(stored);
        assertThat(db.count("select count(*) from account_position where account_id = ?", account)).isEqualTo(1);
        assertThat(TestEvents.published(account, Duration.ofSeconds(2))).hasSize(1);
        given().config(DECIMALS).auth().oauth2(TestTokens.risk()).when().get("/margin/accounts/" + account)
                .then().statusCode(200)
                .body("requirements[0].maintenanceMargin", comparesEqualTo(new BigDecimal("6500.00")));
    }

    @Test
    void omnibusSellAddsToTheShortsInsteadOfClosingLongs() {
        // Now long 10 Jan: 6,500.00 / initial 7,150.00. SELL 4 Jan: longs 6,500.00 + shorts 4 x 650.00 = 2,600.00
        // = 9,100.00 maintenance; initial 7,150.00 + 2,860.00 = 10,010.00.
        String account = TestEvents.open(MEMBER, "O1", "CLIENT_OMNIBUS");
        TestEvents.position(MEMBER, account, "GH100-202701", 10, 0, 1);
        TestEvents.awaitPublished(account, 1);

        post(TestTokens.risk(), Map.of("accountId", account, "trades",
                List.of(Map.of("instrumentId", "GH100-202701", "side", "SELL", "quantity", 4))))
                .then().statusCode(200)
                .body("before[0].initialMargin", comparesEqualTo(new BigDecimal("7150.00")))
                .body("after[0].maintenanceMargin", comparesEqualTo(new BigDecimal("9100.00")))
                .body("after[0].initialMargin", comparesEqualTo(new BigDecimal("10010.00")))
                .body("after[0].charges.combinedCommodity", contains("GH100:LONG", "GH100:SHORT"));
    }

    @Test
    void portfolioIsMarginedForTheGivenAccountType() {
        // Omnibus: GH100 net +3 = 3 x 650.00 = 1,950.00 (initial 2,145.00); TKFRC long 1 and short 1, no offset:
        // 2 x 16,500.00 = 33,000.00 CNY (initial 36,300.00). Segregated nets TKFRC to nothing.
        TestEvents.listed("TKFRC-202703", "CNY", "TOKEN-FRONTIER-CNY");
        TestEvents.listed("GH100-202703", "USD", "GPU-H100-USD");
        List<Map<String, Object>> portfolio = List.of(
                Map.of("instrumentId", "GH100-202703", "netQuantity", 3),
                Map.of("instrumentId", "TKFRC-202703", "longQuantity", 1, "shortQuantity", 1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                post(TestTokens.member(MEMBER), Map.of("portfolio", portfolio, "accountType", "CLIENT_OMNIBUS",
                        "baseCurrency", "USD")).then().statusCode(200)
                        .body("before", nullValue())
                        .body("requirements.currency", contains("CNY", "USD"))
                        .body("requirements[0].maintenanceMargin", comparesEqualTo(new BigDecimal("33000.00")))
                        .body("requirements[0].initialMargin", comparesEqualTo(new BigDecimal("36300.00")))
                        .body("requirements[1].maintenanceMargin", comparesEqualTo(new BigDecimal("1950.00")))
                        .body("requirements[1].initialMargin", comparesEqualTo(new BigDecimal("2145.00"))));

        post(TestTokens.backOffice(), Map.of("portfolio", portfolio, "accountType", "CLIENT_SEGREGATED",
                "baseCurrency", "USD")).then().statusCode(200)
                .body("requirements.currency", contains("USD"))
                .body("requirements[0].initialMargin", comparesEqualTo(new BigDecimal("2145.00")));
    }

    @Test
    void invalidQueriesAreRefusedAsProblemNamingTheField() {
        String account = TestEvents.open(MEMBER, "V1", "HOUSE");
        listed("GH100-202701", "USD");
        post(TestTokens.risk(), Map.of("accountId", account, "trades", List.of(
                Map.of("instrumentId", "GH100-209912", "side", "BUY", "quantity", 1),
                Map.of("instrumentId", "GH100-202701", "side", "HOLD", "quantity", 0))))
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/what-if-invalid"))
                .body("violations.field", contains("trades[0].instrumentId", "trades[1].side",
                        "trades[1].quantity"))
                .body("violations[0].message", equalTo("GH100-209912 is not a listed instrument"));

        post(TestTokens.risk(), Map.of("portfolio", List.of(Map.of("instrumentId", "NOPE-202701",
                "netQuantity", 0)), "accountType", "BROKER", "baseCurrency", "usd"))
                .then().statusCode(422)
                .body("violations.field", hasItems("accountType", "baseCurrency", "portfolio[0].instrumentId",
                        "portfolio[0].netQuantity"));

        post(TestTokens.risk(), Map.of("accountId", account, "portfolio", List.of()))
                .then().statusCode(422).body("violations.field", contains("body"));
        assertThat(TestEvents.published(account, Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void whatIfNeedsATokenARoleAndTheMembersOwnAccount() {
        String account = TestEvents.open(MEMBER, "S1", "HOUSE");
        listed("GH100-202701", "USD");
        Map<String, Object> body = Map.of("accountId", account, "trades",
                List.of(Map.of("instrumentId", "GH100-202701", "side", "BUY", "quantity", 1)));
        given().contentType(ContentType.JSON).body(body).when().post("/margin/what-if").then().statusCode(401);
        post(TestTokens.token("prices", Set.of("index-provider"), null), body).then().statusCode(403);
        post(TestTokens.member(MEMBER + "X"), body).then().statusCode(404)
                .body("type", equalTo("/problems/not-found"));
        post(TestTokens.risk(), Map.of("accountId", "NO-SUCH-ACCOUNT", "trades", body.get("trades")))
                .then().statusCode(404);
        // An empty account buying one contract: 0.00 before, 650.00 after.
        post(TestTokens.member(MEMBER), body).then().statusCode(200)
                .body("before", org.hamcrest.Matchers.empty())
                .body("after[0].maintenanceMargin", comparesEqualTo(new BigDecimal("650.00")))
                .body("change[0].maintenanceMargin", comparesEqualTo(new BigDecimal("650.00")));
    }

    @Test
    void expiredInstrumentIsRefusedEvenWhenItsListingIsRedelivered() {
        EventEnvelope listing = listed("GH100-202612", "USD");
        TopicProbe.publish(Topics.CLEARING_INSTRUMENTS, "GH100-202612", EventCodec.encode(EventEnvelope.of(
                ClearingEvents.INSTRUMENT_STATUS_CHANGED, "GH100-202612", 2, "clearing-service",
                new ClearingEvents.InstrumentStatusChanged("GH100-202612", "EXPIRED", "last trading day passed",
                        Instant.now()))));
        TopicProbe.publish(Topics.CLEARING_INSTRUMENTS, "GH100-202612", EventCodec.encode(listing));

        Map<String, Object> portfolio = Map.of("portfolio", List.of(Map.of("instrumentId", "GH100-202612",
                "netQuantity", 1)), "accountType", "HOUSE", "baseCurrency", "USD");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> post(TestTokens.risk(), portfolio)
                .then().statusCode(422)
                .body("violations[0].field", equalTo("portfolio[0].instrumentId"))
                .body("violations[0].message", equalTo("GH100-202612 has expired and cannot be traded")));
        // The redelivered listing arrives after the status change and must not reopen the month.
        DatabaseProbe db = new DatabaseProbe(dataSource);
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count("select count(*) from inbox_event where"
                + " consumer = 'margin-service.instruments' and aggregate_id = 'GH100-202612'") == 2);
        post(TestTokens.risk(), portfolio).then().statusCode(422);
    }

    /** Lists the contract month and waits until what-if margin knows it. */
    private static EventEnvelope listed(String instrument, String currency) {
        EventEnvelope listing = TestEvents.listed(instrument, currency, "GPU-H100-USD");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> post(TestTokens.risk(), Map.of("portfolio",
                List.of(Map.of("instrumentId", instrument, "netQuantity", 1)), "accountType", "HOUSE",
                "baseCurrency", currency)).then().statusCode(200));
        return listing;
    }

    private static io.restassured.response.Response post(String token, Object body) {
        RequestSpecification request = given().config(DECIMALS).auth().oauth2(token).contentType(ContentType.JSON);
        return request.body(body).when().post("/margin/what-if");
    }
}
