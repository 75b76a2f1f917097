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
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.equalTo;

/**
 * The published requirement explains itself per combined commodity, and a client omnibus account is margined gross.
 * Seeded GH100 parameters: one contract's scan range is 2.60 x 0.25 x 1000 = 650.00 (the extreme move, 3 x 650 x 0.33
 * = 643.50, is smaller); a calendar spread is charged 13.00. A long loses most in scenario 13 (price down the full
 * range), a short in scenario 11 (price up the full range).
 */
@QuarkusTest
class MarginBreakdownTest {

    private static final RestAssuredConfig DECIMALS = RestAssured.config().jsonConfig(
            JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    private static final String MEMBER = "MBD" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    @Test
    void publishedBreakdownShowsScanRiskScenarioAndSpreadChargePerCommodity() {
        // +10 Jan, -4 Feb: net 6 contracts move together, scan 6 x 650.00 = 3,900.00 at scenario 13;
        // 4 calendar spreads x 13.00 = 52.00; risk 3,952.00 = maintenance = initial (HOUSE ratio 1.00).
        String account = TestEvents.open(MEMBER, "H1", "HOUSE");
        TestEvents.position(MEMBER, account, "GH100-202701", 10, 0, 1);
        TestEvents.position(MEMBER, account, "GH100-202702", 0, 4, 1);

        MarginRequirementCalculated last = TestEvents.awaitPublished(account, 2).getLast();
        assertThat(last.requirements()).containsExactly(
                new CurrencyRequirement("USD", new BigDecimal("3952.00"), new BigDecimal("3952.00")));
        assertThat(last.breakdown()).containsExactly(new CommodityCharge("GH100", "USD", new BigDecimal("3900.00"),
                13, new BigDecimal("52.00"), new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("0.00"),
                new BigDecimal("0.00"), new BigDecimal("3952.00")));

        given().config(DECIMALS).auth().oauth2(TestTokens.member(MEMBER)).when().get("/margin/accounts/" + account)
                .then().statusCode(200)
                .body("requirements[0].breakdown.size()", equalTo(1))
                .body("requirements[0].breakdown[0].combinedCommodity", equalTo("GH100"))
                .body("requirements[0].breakdown[0].scanRisk", comparesEqualTo(new BigDecimal("3900.00")))
                .body("requirements[0].breakdown[0].activeScenario", equalTo(13))
                .body("requirements[0].breakdown[0].intraSpreadCharge", comparesEqualTo(new BigDecimal("52.00")))
                .body("requirements[0].breakdown[0].risk", comparesEqualTo(new BigDecimal("3952.00")));
        given().when().get("/margin/accounts/" + account).then().statusCode(401);
        given().auth().oauth2(TestTokens.token("prices", java.util.Set.of("index-provider"), null))
                .when().get("/margin/accounts/" + account).then().statusCode(403);
        given().auth().oauth2(TestTokens.member(MEMBER + "X")).when().get("/margin/accounts/" + account)
                .then().statusCode(404);
    }

    @Test
    void omnibusLongsAndShortsAreMarginedAsTwoPortfoliosWithoutOffset() {
        // Gross: long 10 / short 4 in Jan, short 3 in Feb.
        // Longs: +10 Jan = 6,500.00 (scenario 13). Shorts: -4 Jan, -3 Feb = 7 x 650.00 = 4,550.00 (scenario 11), no
        // spread (same direction). Maintenance 6,500.00 + 4,550.00 = 11,050.00; initial x 1.10 = 7,150.00 + 5,005.00
        // = 12,155.00. Netted it would have been +6 Jan / -3 Feb: 3 x 650 + 3 x 13 = 1,989.00.
        String account = TestEvents.open(MEMBER, "O1", "CLIENT_OMNIBUS");
        TestEvents.position(MEMBER, account, "GH100-202701", 10, 4, 1);
        TestEvents.position(MEMBER, account, "GH100-202702", 0, 3, 1);

        MarginRequirementCalculated last = TestEvents.awaitPublished(account, 2).getLast();
        assertThat(last.requirements()).containsExactly(
                new CurrencyRequirement("USD", new BigDecimal("12155.00"), new BigDecimal("11050.00")));
        assertThat(last.breakdown()).extracting(CommodityCharge::combinedCommodity, CommodityCharge::scanRisk,
                        CommodityCharge::activeScenario, CommodityCharge::intraSpreadCharge, CommodityCharge::risk)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("GH100:LONG", new BigDecimal("6500.00"), 13,
                                new BigDecimal("0.00"), new BigDecimal("6500.00")),
                        org.assertj.core.groups.Tuple.tuple("GH100:SHORT", new BigDecimal("4550.00"), 11,
                                new BigDecimal("0.00"), new BigDecimal("4550.00")));

        given().config(DECIMALS).auth().oauth2(TestTokens.backOffice()).when().get("/margin/accounts/" + account)
                .then().statusCode(200)
                .body("requirements[0].maintenanceMargin", comparesEqualTo(new BigDecimal("11050.00")))
                .body("requirements[0].breakdown.combinedCommodity", org.hamcrest.Matchers.contains(
                        "GH100:LONG", "GH100:SHORT"));
    }

    @Test
    void segregatedClientAccountIsMarginedNet() {
        // +10 Jan, -4 Jan cannot both be held by a netting account: clearing publishes net +6 -> 6 x 650.00 =
        // 3,900.00 maintenance, x 1.10 = 4,290.00 initial.
        String account = TestEvents.open(MEMBER, "S1", "CLIENT_SEGREGATED");
        TestEvents.position(MEMBER, account, "GH100-202701", 6, 0, 1);

        MarginRequirementCalculated last = TestEvents.awaitPublished(account, 1).getLast();
        assertThat(last.requirements()).containsExactly(
                new CurrencyRequirement("USD", new BigDecimal("4290.00"), new BigDecimal("3900.00")));
        assertThat(last.breakdown()).extracting(CommodityCharge::combinedCommodity).containsExactly("GH100");
    }
}
