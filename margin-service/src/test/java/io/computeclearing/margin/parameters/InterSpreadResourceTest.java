package io.computeclearing.margin.parameters;

import io.computeclearing.margin.TestEvents;
import io.computeclearing.margin.requirement.ParameterActivation;
import io.computeclearing.platform.events.margin.MarginEvents.CurrencyRequirement;
import io.computeclearing.platform.events.margin.MarginEvents.MarginRequirementCalculated;
import io.computeclearing.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * Inter-commodity spreads over REST: the seeded set, new versions by the risk role only, refusals with nothing
 * written, and re-margining when a version takes effect. Every version this test records keeps the seeded spreads
 * (other tests rely on them) and the last one restores them exactly. Its future-dated versions are a month ahead,
 * beyond the dates other tests apply parameters on.
 */
@QuarkusTest
class InterSpreadResourceTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final String MEMBER = "MIS" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    @Inject
    InterSpreads interSpreads;
    @Inject
    ParameterActivation activation;

    @Test
    void seededSpreadsAreInForce() {
        given().auth().oauth2(TestTokens.backOffice()).when().get("/risk-parameters/inter-spreads")
                .then().statusCode(200)
                .body("method", equalTo("DELTA_WEIGHTED_PRICE_RISK"))
                .body("spreads.priority", hasItems(1, 2))
                .body("spreads.find { it.priority == 1 }.creditRate", equalTo(0.5f))
                .body("spreads.find { it.priority == 1 }.legs.family", contains("GH100", "GB200"))
                .body("spreads.find { it.priority == 1 }.legs.side", contains("A", "B"))
                .body("spreads.find { it.priority == 2 }.creditRate", equalTo(0.25f))
                .body("spreads.find { it.priority == 2 }.legs.family", contains("GH100", "TKFRN"));
    }

    @Test
    void onlyStaffReadAndOnlyRiskChanges() {
        given().when().get("/risk-parameters/inter-spreads").then().statusCode(401);
        given().auth().oauth2(TestTokens.member(MEMBER)).when().get("/risk-parameters/inter-spreads")
                .then().statusCode(403);
        given().contentType(ContentType.JSON).body(body(TODAY, defaults("0.50")))
                .when().put("/risk-parameters/inter-spreads").then().statusCode(401);
        for (String token : List.of(TestTokens.backOffice(), TestTokens.admin(), TestTokens.member(MEMBER))) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body(TODAY, defaults("0.50")))
                    .when().put("/risk-parameters/inter-spreads").then().statusCode(403);
        }
    }

    @Test
    void invalidSpreadsAreRefusedAsProblemAndNothingIsWritten() {
        int before = interSpreads.inForce(TODAY).orElseThrow().version();
        int beforeLater = interSpreads.inForce(TODAY.plusYears(5)).orElseThrow().version();
        List<Map<String, Object>> bad = List.of(
                spread(1, "1.5", leg("GH100", "1", "A"), leg("GB200", "0", "B")),
                spread(1, "0.5", leg("GH100", "1", "A")),
                spread(3, "0.5", leg("GH100", "1", "A"), leg("TKFRN", "1", "X")));
        given().auth().oauth2(TestTokens.risk()).contentType(ContentType.JSON).body(body(TODAY.minusDays(1), bad))
                .when().put("/risk-parameters/inter-spreads")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("violations.field", hasItems("effectiveFrom", "spreads[0].creditRate",
                        "spreads[0].legs[1].deltaRatio", "spreads[1].priority", "spreads[1].legs",
                        "spreads[2].legs[1].side"));

        // GPU-hours in USD against tokens in CNY: margin is per currency, so no spread between them.
        given().auth().oauth2(TestTokens.risk()).contentType(ContentType.JSON)
                .body(body(TODAY, List.of(spread(1, "0.25", leg("GH100", "1", "A"), leg("TKFRC", "1", "B")))))
                .when().put("/risk-parameters/inter-spreads")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/inter-spread-currencies"));
        given().auth().oauth2(TestTokens.risk()).contentType(ContentType.JSON)
                .body(body(TODAY, List.of(spread(1, "0.25", leg("GH100", "1", "A"), leg("NOSUCH1", "1", "B")))))
                .when().put("/risk-parameters/inter-spreads")
                .then().statusCode(422).body("type", equalTo("/problems/inter-spread-unknown-family"));

        assertThat(interSpreads.inForce(TODAY).orElseThrow().version()).isEqualTo(before);
        assertThat(interSpreads.inForce(TODAY.plusYears(5)).orElseThrow().version()).isEqualTo(beforeLater);
    }

    @Test
    void theSameSetAgainRecordsNothing() {
        // The seeded set from a month ahead on (recorded by the first request unless already so), then the same again.
        LocalDate monthAhead = TODAY.plusDays(30);
        int version = given().auth().oauth2(TestTokens.risk()).contentType(ContentType.JSON)
                .body(body(monthAhead, defaults("0.50"))).when().put("/risk-parameters/inter-spreads")
                .then().extract().path("version");
        given().auth().oauth2(TestTokens.risk()).contentType(ContentType.JSON).body(body(monthAhead, defaults("0.5")))
                .when().put("/risk-parameters/inter-spreads")
                .then().statusCode(200).body("version", equalTo(version));
        assertThat(interSpreads.inForce(monthAhead).orElseThrow().version()).isEqualTo(version);
    }

    @Test
    void aNewVersionRemarginsTheAccountsHoldingItsFamiliesWhenItTakesEffect() {
        // +10 GH100 / -10 GB200 at 50%: 19,750.00 - (3,250.00 + 6,625.00) = 9,875.00.
        String account = TestEvents.open(MEMBER, "R1", "HOUSE");
        TestEvents.position(MEMBER, account, "GH100-203104", 10, 0, 1);
        TestEvents.position(MEMBER, account, "GB200-203104", 0, 10, 1);
        assertThat(TestEvents.awaitPublished(account, 2).getLast().requirements()).containsExactly(usd("9875.00"));
        try {
            // A month ahead at 60%: not yet; then applied on its date, once:
            // 19,750.00 - 60% x (6,500.00 + 13,250.00) = 19,750.00 - 11,850.00 = 7,900.00.
            LocalDate monthAhead = TODAY.plusDays(30);
            given().auth().oauth2(TestTokens.risk()).contentType(ContentType.JSON)
                    .body(body(monthAhead, defaults("0.60")))
                    .when().put("/risk-parameters/inter-spreads")
                    .then().statusCode(201).body("effectiveFrom", equalTo(monthAhead.toString()));
            assertThat(TestEvents.published(account, Duration.ofSeconds(2))).hasSize(2);
            assertThat(activation.applyDue(monthAhead)).isGreaterThanOrEqualTo(1);
            assertThat(activation.applyDue(monthAhead)).isZero();
            List<MarginRequirementCalculated> events = TestEvents.awaitPublished(account, 3);
            assertThat(events.getLast().requirements()).containsExactly(usd("7900.00"));

            // Effective today at 40%: at once. 19,750.00 - 40% x 19,750.00 = 11,850.00.
            given().auth().oauth2(TestTokens.risk()).contentType(ContentType.JSON)
                    .body(body(TODAY, defaults("0.40")))
                    .when().put("/risk-parameters/inter-spreads").then().statusCode(201);
            assertThat(TestEvents.awaitPublished(account, 4).getLast().requirements())
                    .containsExactly(usd("11850.00"));
        } finally {
            // Back to the seeded set, today and from a month ahead on (the later version would otherwise win then).
            given().auth().oauth2(TestTokens.risk()).contentType(ContentType.JSON).body(body(TODAY, defaults("0.50")))
                    .when().put("/risk-parameters/inter-spreads").then().statusCode(201);
            given().auth().oauth2(TestTokens.risk()).contentType(ContentType.JSON)
                    .body(body(TODAY.plusDays(30), defaults("0.50")))
                    .when().put("/risk-parameters/inter-spreads").then().statusCode(201);
        }
        assertThat(TestEvents.awaitPublished(account, 5).getLast().requirements()).containsExactly(usd("9875.00"));
    }

    /** The seeded set with the GPU-type spread's credit rate given. */
    private static List<Map<String, Object>> defaults(String gpuTypeRate) {
        return List.of(spread(1, gpuTypeRate, leg("GH100", "1", "A"), leg("GB200", "1", "B")),
                spread(2, "0.25", leg("GH100", "1", "A"), leg("TKFRN", "1", "B")));
    }

    @SafeVarargs
    private static Map<String, Object> spread(int priority, String rate, Map<String, Object>... legs) {
        return Map.of("priority", priority, "creditRate", new BigDecimal(rate), "legs", List.of(legs));
    }

    private static Map<String, Object> leg(String family, String ratio, String side) {
        return Map.of("family", family, "deltaRatio", new BigDecimal(ratio), "side", side);
    }

    private static Map<String, Object> body(LocalDate effectiveFrom, List<Map<String, Object>> spreads) {
        return Map.of("effectiveFrom", effectiveFrom.toString(), "spreads", spreads);
    }

    private static CurrencyRequirement usd(String amount) {
        return new CurrencyRequirement("USD", new BigDecimal(amount), new BigDecimal(amount));
    }
}
