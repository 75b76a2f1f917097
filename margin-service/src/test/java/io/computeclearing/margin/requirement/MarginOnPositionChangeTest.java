package io.computeclearing.margin.requirement;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.events.account.AccountEvents.AccountOpened;
import io.computeclearing.platform.events.clearing.ClearingEvents;
import io.computeclearing.platform.events.clearing.ClearingEvents.PositionChanged;
import io.computeclearing.platform.events.margin.MarginEvents;
import io.computeclearing.platform.events.margin.MarginEvents.CurrencyRequirement;
import io.computeclearing.platform.events.margin.MarginEvents.MarginRequirementCalculated;
import io.computeclearing.testsupport.TestTokens;
import io.computeclearing.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every position change recomputes the account's SPAN requirement from the seeded risk parameters, stores it and
 * publishes it. GH100: reference price 2.60, scan 25%, 1,000 GPU-hours per contract, so one contract's scan range is
 * 2.60 x 0.25 x 1000 = 650.00; the extreme move (3 x 650 x 0.33 = 643.50) is smaller, so a long future's worst loss is
 * the full down move of 650.00.
 */
@QuarkusTest
class MarginOnPositionChangeTest {

    private static final RestAssuredConfig DECIMALS = RestAssured.config().jsonConfig(
            JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    private static final String MEMBER = "MPC" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    @Test
    void houseLongOfTenFrontMonthsNeedsTheScanRangeOfTenContracts() {
        // maintenance = 10 x 650.00 = 6,500.00; HOUSE ratio 1.00: initial 6,500.00
        String account = open("HOUSE", "H1");
        publish(position(account, "GH100-202701", 10, 1));

        awaitMargin(account, "6500.00", "6500.00");
        MarginRequirementCalculated event = awaitPublished(account, 1).getLast();
        assertThat(event.requirements()).containsExactly(
                new CurrencyRequirement("USD", new BigDecimal("6500.00"), new BigDecimal("6500.00")));

        Object scanRisk = given().config(DECIMALS).auth().oauth2(TestTokens.member(MEMBER))
                .when().get("/margin/accounts/" + account)
                .then().statusCode(200)
                .body("requirements[0].commodities[0].commodityId", equalTo("GH100"))
                .body("requirements[0].commodities[0].activeScenario", equalTo(13))  // price down the full range
                .extract().path("requirements[0].commodities[0].scanRisk");
        assertThat(new BigDecimal(scanRisk.toString())).isEqualByComparingTo("6500");
        given().auth().oauth2(TestTokens.member(MEMBER + "X")).when().get("/margin/accounts/" + account)
                .then().statusCode(404).body("type", equalTo("/problems/not-found"));
    }

    @Test
    void omnibusClientInitialIsTenPercentAboveMaintenance() {
        // maintenance 6,500.00; CLIENT_OMNIBUS ratio 1.10: initial 6,500.00 x 1.10 = 7,150.00
        String account = open("CLIENT_OMNIBUS", "O1");
        publish(position(account, "GH100-202701", 10, 1));

        awaitMargin(account, "7150.00", "6500.00");
    }

    @Test
    void redeliveredOrOlderPositionChangesHaveNoEffect() {
        String account = open("HOUSE", "R1");
        EventEnvelope longTen = position(account, "GH100-202701", 10, 2);
        publish(longTen);
        awaitMargin(account, "6500.00", "6500.00");

        publish(longTen);                                        // redelivered: ignored by the inbox
        publish(position(account, "GH100-202701", 50, 1));       // older version: ignored
        // -10 in the next month forms 10 calendar spreads: the scan risk nets to 0 (same price move in both
        // months), the intra-commodity charge is 10 x 13.00 (2% of 650.00) = 130.00.
        publish(position(account, "GH100-202702", -10, 1));

        awaitMargin(account, "130.00", "130.00");
        awaitPublished(account, 2);
        List<MarginRequirementCalculated> all = published(account, Duration.ofSeconds(5));
        assertThat(all).hasSize(2);
        assertThat(all.getLast().requirements()).containsExactly(
                new CurrencyRequirement("USD", new BigDecimal("130.00"), new BigDecimal("130.00")));
    }

    @Test
    void eachCurrencyIsMarginedOnItsOwnWithoutConversion() {
        // GH100 (USD): 1 x 650.00 = 650.00. TKFRC (CNY): 1 x 55.00 x 0.30 x 1000 = 16,500.00. SEGREGATED: x 1.10.
        String account = open("CLIENT_SEGREGATED", "C1");
        publish(position(account, "GH100-202701", 1, 1));
        publish(position(account, "TKFRC-202701", -1, 1));

        List<MarginRequirementCalculated> events = awaitPublished(account, 2);
        assertThat(events.getLast().requirements()).containsExactly(
                new CurrencyRequirement("CNY", new BigDecimal("18150.00"), new BigDecimal("16500.00")),
                new CurrencyRequirement("USD", new BigDecimal("715.00"), new BigDecimal("650.00")));
    }

    private static String open(String accountType, String suffix) {
        String account = MEMBER + "-" + suffix;
        EventEnvelope opened = EventEnvelope.of(AccountEvents.ACCOUNT_OPENED, account, 1, "account-service",
                new AccountOpened(account, MEMBER, accountType, "USD", "ACTIVE"));
        TopicProbe.publish(Topics.ACCOUNTS, account, EventCodec.encode(opened));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.backOffice()).when().get("/accounts/" + account)
                        .then().statusCode(200).body("accountType", equalTo(accountType)));
        return account;
    }

    private static EventEnvelope position(String account, String instrument, long net, long version) {
        return EventEnvelope.of(ClearingEvents.POSITION_CHANGED, account, version, "clearing-service",
                new PositionChanged(account, MEMBER, instrument, Math.max(net, 0), Math.max(-net, 0), net, DAY,
                        version));
    }

    private static void publish(EventEnvelope event) {
        TopicProbe.publish(Topics.CLEARING_POSITIONS, event.aggregateId(), EventCodec.encode(event));
    }

    private static void awaitMargin(String account, String initial, String maintenance) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().config(DECIMALS).auth().oauth2(TestTokens.risk()).when().get("/margin/accounts/" + account)
                        .then().statusCode(200)
                        .body("requirements.size()", equalTo(1))
                        .body("requirements[0].currency", equalTo("USD"))
                        .body("requirements[0].initialMargin", comparesEqualTo(new BigDecimal(initial)))
                        .body("requirements[0].maintenanceMargin", comparesEqualTo(new BigDecimal(maintenance))));
    }

    /** Waits until the account's requirement has been published {@code count} times; returns them in order. */
    private static List<MarginRequirementCalculated> awaitPublished(String account, int count) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> published(account, Duration.ofSeconds(5)),
                events -> events.size() >= count);
    }

    private static List<MarginRequirementCalculated> published(String account, Duration settle) {
        return TopicProbe.readAll(Topics.MARGIN_REQUIREMENTS, settle).stream()
                .filter(r -> account.equals(r.key()))
                .map(r -> EventCodec.payload(EventCodec.decode(r.value()), MarginEvents.MARGIN_REQUIREMENT_CALCULATED))
                .toList();
    }
}
