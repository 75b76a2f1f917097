package io.computeclearing.margin.parameters;

import io.computeclearing.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** Risk parameters per family: seeded defaults, new versions by the risk role only, validation as problem+json. */
@QuarkusTest
class RiskParameterResourceTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Test
    void seededDefaultsAreInForce() {
        given().auth().oauth2(TestTokens.backOffice()).when().get("/risk-parameters")
                .then().statusCode(200).body("family", hasItems("GH100", "GB200", "TKFRN", "TKFRC"));
        given().auth().oauth2(TestTokens.risk()).when().get("/risk-parameters/GH100")
                .then().statusCode(200)
                .body("currency", equalTo("USD"))
                .body("priceScanFraction", equalTo(0.25f))
                .body("referencePrice", equalTo(2.6f))
                .body("scanRangePerContract", equalTo(650.0f))
                .body("initialToMaintenance.CLIENT_OMNIBUS", equalTo(1.1f));
    }

    @Test
    void riskRecordsNewVersionsAndOnlyThoseEffectiveAreInForce() {
        String family = "ZT" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        given().auth().oauth2(TestTokens.risk()).contentType(ContentType.JSON).body(body(TODAY, "0.40"))
                .when().put("/risk-parameters/" + family)
                .then().statusCode(201).body("version", equalTo(1)).body("effectiveFrom", equalTo(TODAY.toString()));
        given().auth().oauth2(TestTokens.risk()).contentType(ContentType.JSON).body(body(TODAY.plusDays(7), "0.50"))
                .when().put("/risk-parameters/" + family)
                .then().statusCode(201).body("version", equalTo(2));

        // Version 2 takes effect next week: version 1 is still in force.
        given().auth().oauth2(TestTokens.admin()).when().get("/risk-parameters/" + family)
                .then().statusCode(200).body("version", equalTo(1)).body("priceScanFraction", equalTo(0.40f));
    }

    @Test
    void memberMayNeitherChangeNorReadParameters() {
        given().auth().oauth2(TestTokens.member("ANY")).contentType(ContentType.JSON).body(body(TODAY, "0.40"))
                .when().put("/risk-parameters/GH100")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.member("ANY")).when().get("/risk-parameters")
                .then().statusCode(403);
    }

    @Test
    void invalidParametersAreRejectedAsProblemAndNothingIsWritten() {
        Map<String, Object> bad = new java.util.HashMap<>(body(TODAY.minusDays(1), "-0.1"));
        bad.put("ratioClientOmnibus", 0.9);
        bad.put("currency", "usd");
        given().auth().oauth2(TestTokens.risk()).contentType(ContentType.JSON).body(bad)
                .when().put("/risk-parameters/GB200")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("violations.field", hasItems("effectiveFrom", "priceScanFraction", "ratioClientOmnibus",
                        "currency"));
        given().auth().oauth2(TestTokens.risk()).when().get("/risk-parameters/GB200")
                .then().statusCode(200).body("version", equalTo(1));
        given().auth().oauth2(TestTokens.risk()).when().get("/risk-parameters/NOSUCH")
                .then().statusCode(404).body("type", equalTo("/problems/not-found"));
    }

    private static Map<String, Object> body(LocalDate effectiveFrom, String scanFraction) {
        return Map.ofEntries(
                Map.entry("effectiveFrom", effectiveFrom.toString()),
                Map.entry("currency", "USD"),
                Map.entry("contractUnit", 1000),
                Map.entry("priceScanFraction", new java.math.BigDecimal(scanFraction)),
                Map.entry("referencePrice", 3.10),
                Map.entry("extremeMoveMultiple", 3),
                Map.entry("extremeMoveCover", 0.33),
                Map.entry("intraSpreadCharge", 15.00),
                Map.entry("ratioHouse", 1.00),
                Map.entry("ratioClientOmnibus", 1.10),
                Map.entry("ratioClientSegregated", 1.10));
    }
}
