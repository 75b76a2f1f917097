package io.computeclearing.margin.requirement;

import io.computeclearing.margin.TestEvents;
import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.margin.MarginEvents.CurrencyRequirement;
import io.computeclearing.platform.events.margin.MarginEvents.MarginRequirementCalculated;
import io.computeclearing.platform.events.settlement.SettlementEvents;
import io.computeclearing.platform.events.settlement.SettlementEvents.SettlementPricePublished;
import io.computeclearing.testsupport.TestTokens;
import io.computeclearing.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The floor on the price scan range keeps margin up as a price falls to zero and below. A family of the test's own
 * with GH100's default parameters: scan 25% of the price, 1,000 GPU-hours a contract, floor 325.00 a contract (0.325
 * a unit), house ratio 1; a future's requirement is its scan range (the extreme move, 3 x 0.33 = 0.99 of it, is
 * smaller). Three lots long, as in the report that asked for the floor (GH100 at -0.245: 183.75 without one).
 */
@QuarkusTest
class PriceScanFloorTest {

    private static final String MEMBER = "MFL" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    @Test
    void marginAtPricesFromTwoSixtyToBelowZeroNeverFallsUnderTheFloor() {
        String family = TestEvents.newFamily("FL");
        revise(family, new BigDecimal("325.00"))
                .body("priceScanFloor", equalTo(325.0f))
                // at the reference price 2.60 the floor does not bind: 2.60 x 0.25 x 1000
                .body("scanRangePerContract", equalTo(650.0f));
        String month = family + "-202702";
        String account = TestEvents.open(MEMBER, "H1", "HOUSE");
        TestEvents.position(MEMBER, account, month, 3, 0, 1);
        // no settlement price yet: the reference price, 3 x 650.00
        assertThat(last(account, 1)).isEqualTo(usd("1950.00"));

        // Each price on a later day re-margins the account; 2.60 comes between the floored ones so that every
        // step changes the requirement.
        // +0.01: 3 x max(0.01 x 0.25 = 0.0025, 0.325) x 1000 = 975.00 (without the floor 7.50)
        price(month, TestEvents.DAY.plusDays(1), "0.01");
        assertThat(last(account, 2)).isEqualTo(usd("975.00"));
        // +2.60: 3 x 2.60 x 0.25 x 1000 = 1,950.00
        price(month, TestEvents.DAY.plusDays(2), "2.60");
        assertThat(last(account, 3)).isEqualTo(usd("1950.00"));
        // 0: 3 x max(0, 0.325) x 1000 = 975.00 (without the floor: the reference price's 1,950.00)
        price(month, TestEvents.DAY.plusDays(3), "0");
        assertThat(last(account, 4)).isEqualTo(usd("975.00"));
        price(month, TestEvents.DAY.plusDays(4), "2.60");
        assertThat(last(account, 5)).isEqualTo(usd("1950.00"));
        // -0.25: 3 x max(0.0625, 0.325) x 1000 = 975.00 (without the floor 187.50)
        price(month, TestEvents.DAY.plusDays(5), "-0.25");
        assertThat(last(account, 6)).isEqualTo(usd("975.00"));
    }

    @Test
    void aRevisionWithoutAFloorKeepsTheLatestOneAndANegativeFloorIsRefused() {
        String family = TestEvents.newFamily("FK");
        revise(family, new BigDecimal("325.00"));
        revise(family, null).body("version", equalTo(2)).body("priceScanFloor", equalTo(325.0f));
        given().auth().oauth2(TestTokens.risk()).contentType(ContentType.JSON)
                .body(body(new BigDecimal("-1.00")))
                .when().put("/risk-parameters/" + family)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("priceScanFloor"));
        given().auth().oauth2(TestTokens.risk()).contentType(ContentType.JSON)
                .body(body(new BigDecimal("0.001")))
                .when().put("/risk-parameters/" + family)
                .then().statusCode(400).body("violations[0].field", equalTo("priceScanFloor"));
    }

    private static io.restassured.response.ValidatableResponse revise(String family, BigDecimal floor) {
        return given().auth().oauth2(TestTokens.risk()).contentType(ContentType.JSON)
                .body(body(floor))
                .when().put("/risk-parameters/" + family)
                .then().statusCode(201);
    }

    private static Map<String, Object> body(BigDecimal floor) {
        Map<String, Object> body = new HashMap<>(Map.of("effectiveFrom", LocalDate.now(ZoneOffset.UTC).toString(),
                "currency", "USD", "contractUnit", 1000, "priceScanFraction", new BigDecimal("0.25"),
                "referencePrice", new BigDecimal("2.60"), "extremeMoveMultiple", 3,
                "extremeMoveCover", new BigDecimal("0.33"), "intraSpreadCharge", new BigDecimal("13.00"),
                "ratioHouse", 1, "ratioClientOmnibus", new BigDecimal("1.10")));
        body.put("ratioClientSegregated", new BigDecimal("1.10"));
        if (floor != null) {
            body.put("priceScanFloor", floor);
        }
        return body;
    }

    private static CurrencyRequirement last(String account, int count) {
        List<MarginRequirementCalculated> events = TestEvents.awaitPublished(account, count);
        assertThat(events).hasSize(count);
        return events.getLast().requirements().getFirst();
    }

    private static CurrencyRequirement usd(String amount) {
        return new CurrencyRequirement("USD", new BigDecimal(amount), new BigDecimal(amount));
    }

    private static void price(String instrument, LocalDate day, String price) {
        EventEnvelope event = EventEnvelope.of(SettlementEvents.SETTLEMENT_PRICE_PUBLISHED, instrument, 1,
                "settlement-service", new SettlementPricePublished(instrument, day, new BigDecimal(price), "USD", 1,
                        Instant.now()));
        TopicProbe.publish(Topics.SETTLEMENT_PRICES, instrument, EventCodec.encode(event));
    }
}
