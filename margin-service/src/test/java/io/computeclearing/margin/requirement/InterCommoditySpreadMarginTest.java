package io.computeclearing.margin.requirement;

import io.computeclearing.margin.TestEvents;
import io.computeclearing.platform.events.margin.MarginEvents.CommodityCharge;
import io.computeclearing.platform.events.margin.MarginEvents.CurrencyRequirement;
import io.computeclearing.platform.events.margin.MarginEvents.MarginRequirementCalculated;
import io.computeclearing.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;

/**
 * Inter-commodity spread credits in every margin computation, with the seeded spreads (GH100/GB200 at 50%, priority 1;
 * GH100/TKFRN at 25%, priority 2; one-to-one in delta). Seeded scan ranges per contract: GH100 2.60 x 0.25 x 1000 =
 * 650.00, GB200 5.30 x 0.25 x 1000 = 1,325.00, TKFRN 8.00 x 0.30 x 1000 = 2,400.00, TKFRC 55.00 x 0.30 x 1000 =
 * 16,500.00 CNY (the extreme move, 3 x 0.33 = 0.99 of a range, is smaller). A future's time and volatility risk are
 * zero, so its weighted price risk is its scan range per contract of delta; credit per leg = spreads x ratio x weighted
 * price risk x rate. Months of 2031, which no other test prices, keep every array at the configured price.
 */
@QuarkusTest
class InterCommoditySpreadMarginTest {

    private static final RestAssuredConfig DECIMALS = RestAssured.config().jsonConfig(
            JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    private static final String MEMBER = "MIC" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private static final String H100 = "GH100-203103";
    private static final String B200 = "GB200-203103";
    private static final String TOKENS = "TKFRN-203103";
    private static final String TOKENS_CNY = "TKFRC-203103";

    @Test
    void anH100LongAgainstAB200ShortGetsTheGpuTypeCredit() {
        // +10 GH100: scan 6,500.00, credit 10 x 650.00 x 50% = 3,250.00, risk 3,250.00.
        // -10 GB200: scan 13,250.00, credit 10 x 1,325.00 x 50% = 6,625.00, risk 6,625.00.
        // 9,875.00 instead of 19,750.00 without the spread.
        String account = TestEvents.open(MEMBER, "G1", "HOUSE");
        TestEvents.position(MEMBER, account, H100, 10, 0, 1);
        TestEvents.position(MEMBER, account, B200, 0, 10, 1);

        MarginRequirementCalculated last = TestEvents.awaitPublished(account, 2).getLast();
        assertThat(last.requirements()).containsExactly(usd("9875.00"));
        assertThat(last.breakdown()).containsExactly(
                new CommodityCharge("GB200", "USD", money("13250.00"), 11, money("0.00"), money("0.00"),
                        money("6625.00"), money("0.00"), money("0.00"), money("6625.00")),
                new CommodityCharge("GH100", "USD", money("6500.00"), 13, money("0.00"), money("0.00"),
                        money("3250.00"), money("0.00"), money("0.00"), money("3250.00")));

        given().config(DECIMALS).auth().oauth2(TestTokens.member(MEMBER)).when().get("/margin/accounts/" + account)
                .then().statusCode(200)
                .body("requirements[0].maintenanceMargin", comparesEqualTo(money("9875.00")))
                .body("requirements[0].breakdown.combinedCommodity", contains("GB200", "GH100"))
                .body("requirements[0].breakdown[0].interSpreadCredit", comparesEqualTo(money("6625.00")))
                .body("requirements[0].breakdown[1].interSpreadCredit", comparesEqualTo(money("3250.00")));
    }

    @Test
    void aGpuHourLongAgainstATokenShortGetsTheGpuVersusTokenCreditInUsd() {
        // +10 GH100, -3 TKFRN: 3 spreads (the smaller leg). GH100 credit 3 x 650.00 x 25% = 487.50, risk 6,012.50;
        // TKFRN scan 3 x 2,400.00 = 7,200.00, credit 3 x 2,400.00 x 25% = 1,800.00, risk 5,400.00. 11,412.50.
        String account = TestEvents.open(MEMBER, "T1", "HOUSE");
        TestEvents.position(MEMBER, account, H100, 10, 0, 1);
        TestEvents.position(MEMBER, account, TOKENS, 0, 3, 1);

        MarginRequirementCalculated last = TestEvents.awaitPublished(account, 2).getLast();
        assertThat(last.requirements()).containsExactly(usd("11412.50"));
        assertThat(last.breakdown()).extracting(CommodityCharge::combinedCommodity, CommodityCharge::interSpreadCredit)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GH100", money("487.50")),
                        org.assertj.core.groups.Tuple.tuple("TKFRN", money("1800.00")));
    }

    @Test
    void prioritiesConsumeDeltasInOrder() {
        // +10 GH100, -4 GB200, -10 TKFRN. Priority 1 (GH100/GB200, 50%): 4 spreads; GH100 credit 4 x 650 x 50% =
        // 1,300.00, GB200 4 x 1,325 x 50% = 2,650.00; GH100 has 6 deltas left. Priority 2 (GH100/TKFRN, 25%): 6 spreads
        // (not 10); GH100 6 x 650 x 25% = 975.00, TKFRN 6 x 2,400 x 25% = 3,600.00.
        // Risks: GH100 6,500 - 2,275 = 4,225.00; GB200 5,300 - 2,650 = 2,650.00; TKFRN 24,000 - 3,600 = 20,400.00.
        String account = TestEvents.open(MEMBER, "P1", "HOUSE");
        TestEvents.position(MEMBER, account, H100, 10, 0, 1);
        TestEvents.position(MEMBER, account, B200, 0, 4, 1);
        TestEvents.position(MEMBER, account, TOKENS, 0, 10, 1);

        MarginRequirementCalculated last = TestEvents.awaitPublished(account, 3).getLast();
        assertThat(last.requirements()).containsExactly(usd("27275.00"));
        assertThat(last.breakdown()).extracting(CommodityCharge::combinedCommodity, CommodityCharge::interSpreadCredit,
                        CommodityCharge::risk)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GB200", money("2650.00"), money("2650.00")),
                        org.assertj.core.groups.Tuple.tuple("GH100", money("2275.00"), money("4225.00")),
                        org.assertj.core.groups.Tuple.tuple("TKFRN", money("3600.00"), money("20400.00")));
    }

    @Test
    void noCreditAcrossCurrencies() {
        // +10 GH100 (USD) against -10 TKFRC (CNY): no spread joins them, each currency is margined alone:
        // 6,500.00 USD and 10 x 16,500.00 = 165,000.00 CNY.
        String account = TestEvents.open(MEMBER, "C1", "HOUSE");
        TestEvents.position(MEMBER, account, H100, 10, 0, 1);
        TestEvents.position(MEMBER, account, TOKENS_CNY, 0, 10, 1);
        MarginRequirementCalculated last = TestEvents.awaitPublished(account, 2).getLast();
        assertThat(last.requirements()).containsExactly(
                new CurrencyRequirement("CNY", money("165000.00"), money("165000.00")), usd("6500.00"));
        assertThat(last.breakdown()).extracting(CommodityCharge::interSpreadCredit)
                .containsOnly(money("0.00"));
        // ... and such a spread cannot be defined: see InterSpreadResourceTest.
    }

    @Test
    void anOmnibusAccountGetsNoCreditBetweenItsGrossLongsAndShorts() {
        // Longs and shorts are two portfolios: +10 GH100 alone is 6,500.00, -10 GB200 alone 13,250.00; the GPU-type
        // spread needs opposite deltas, which neither side has. 19,750.00 maintenance, x 1.10 = 21,725.00 initial.
        String account = TestEvents.open(MEMBER, "O1", "CLIENT_OMNIBUS");
        TestEvents.position(MEMBER, account, H100, 10, 0, 1);
        TestEvents.position(MEMBER, account, B200, 0, 10, 1);
        MarginRequirementCalculated last = TestEvents.awaitPublished(account, 2).getLast();
        assertThat(last.requirements()).containsExactly(
                new CurrencyRequirement("USD", money("21725.00"), money("19750.00")));
    }

    @Test
    void whatIfMarginIncludesTheCredit() {
        // The account holds +10 GH100 (6,500.00); selling 10 GB200 adds 13,250.00 of scan but earns the 50% credit:
        // 9,875.00 after, a change of 3,375.00.
        String account = TestEvents.open(MEMBER, "W1", "HOUSE");
        TestEvents.position(MEMBER, account, H100, 10, 0, 1);
        TestEvents.awaitPublished(account, 1);
        TestEvents.listed(B200, "USD", "GPU-B200-USD");
        Map<String, Object> body = Map.of("accountId", account,
                "trades", List.of(Map.of("instrumentId", B200, "side", "SELL", "quantity", 10)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().config(DECIMALS).auth().oauth2(TestTokens.risk()).contentType(ContentType.JSON).body(body)
                        .when().post("/margin/what-if").then().statusCode(200)
                        .body("before[0].maintenanceMargin", comparesEqualTo(money("6500.00")))
                        .body("after[0].maintenanceMargin", comparesEqualTo(money("9875.00")))
                        .body("change[0].maintenanceMargin", comparesEqualTo(money("3375.00")))
                        .body("after[0].charges.interSpreadCredit",
                                contains(comparesEqualTo(money("6625.00")), comparesEqualTo(money("3250.00")))));
    }

    private static CurrencyRequirement usd(String amount) {
        return new CurrencyRequirement("USD", money(amount), money(amount));
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
