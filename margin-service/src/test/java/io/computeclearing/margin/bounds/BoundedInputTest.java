package io.computeclearing.margin.bounds;

import io.computeclearing.margin.TestEvents;
import io.computeclearing.margin.whatif.WhatIfValidation;
import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Regression tests of issue 11: risk parameters that their columns cannot store exactly, what-if quantities at the
 * long's ends and what-ifs beyond the maximum size are refused as problem+json, and nothing is written.
 */
@QuarkusTest
class BoundedInputTest {

    private static final String PROBLEM = "application/problem+json";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Inject
    DatabaseProbe db;

    @ParameterizedTest
    @CsvSource({
            "priceScanFraction, 1000",
            "priceScanFraction, 0.1234567",
            "contractUnit, 1e15",
            "extremeMoveCover, 0.00001",
            "referencePrice, 1e131071",
            "intraSpreadCharge, 0.001"})
    void riskParametersTheColumnsCannotHoldExactlyAreRefusedAndNothingIsWritten(String field, String value) {
        String family = "ZB" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        Map<String, Object> body = new HashMap<>(parameters());
        body.put(field, new BigDecimal(value));
        long before = db.count("select count(*) from risk_parameters") + db.count("select count(*) from outbox_event");
        given().auth().oauth2(TestTokens.risk()).contentType(ContentType.JSON).body(body)
                .when().put("/risk-parameters/" + family)
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("/problems/validation"))
                .body("violations[0].field", equalTo(field));
        assertThat(db.count("select count(*) from risk_parameters") + db.count("select count(*) from outbox_event"))
                .isEqualTo(before);
    }

    @Test
    void riskParametersAtTheirBoundsAreStoredExactly() {
        String family = "ZB" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        Map<String, Object> body = new HashMap<>(parameters());
        body.put("priceScanFraction", new BigDecimal("0.123456"));
        body.put("extremeMoveCover", new BigDecimal("0.0001"));
        given().auth().oauth2(TestTokens.risk()).contentType(ContentType.JSON).body(body)
                .when().put("/risk-parameters/" + family).then().statusCode(201);
        given().auth().oauth2(TestTokens.risk()).when().get("/risk-parameters/" + family).then().statusCode(200)
                .body("priceScanFraction", equalTo(0.123456f))
                .body("extremeMoveCover", equalTo(0.0001f));
    }

    @Test
    void whatIfQuantitiesAtTheLongsEndsAreRefused() {
        String member = "MWB" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String account = TestEvents.open(member, "B1", "HOUSE");
        whatIf(Map.of("accountId", account, "trades", List.of(
                Map.of("instrumentId", "GH100-202701", "side", "BUY", "quantity", Long.MAX_VALUE))))
                .then().statusCode(422).contentType(PROBLEM)
                .body("violations.field", hasItem("trades[0].quantity"));
        whatIf(Map.of("portfolio", List.of(Map.of("instrumentId", "GH100-202701", "netQuantity", Long.MIN_VALUE)),
                "accountType", "HOUSE", "baseCurrency", "USD"))
                .then().statusCode(422).contentType(PROBLEM)
                .body("violations.field", hasItem("portfolio[0].netQuantity"));
        whatIf(Map.of("portfolio", List.of(Map.of("instrumentId", "GH100-202701", "longQuantity", Long.MAX_VALUE)),
                "accountType", "HOUSE", "baseCurrency", "USD"))
                .then().statusCode(422).contentType(PROBLEM)
                .body("violations.field", hasItem("portfolio[0].longQuantity"));
    }

    @Test
    void aWhatIfBeyondTheMaximumSizeIsRefused() {
        List<Map<String, Object>> trades = Collections.nCopies(WhatIfValidation.MAX_LINES + 1,
                Map.of("instrumentId", "GH100-202701", "side", "BUY", "quantity", 1));
        whatIf(Map.of("accountId", "ANY-H1", "trades", trades))
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("/problems/validation"))
                .body("violations[0].field", equalTo("trades"));
        List<Map<String, Object>> holdings = Collections.nCopies(WhatIfValidation.MAX_LINES + 1,
                Map.of("instrumentId", "GH100-202701", "netQuantity", 1));
        whatIf(Map.of("portfolio", holdings, "accountType", "HOUSE", "baseCurrency", "USD"))
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("portfolio"));
    }

    private static io.restassured.response.Response whatIf(Object body) {
        return given().auth().oauth2(TestTokens.risk()).contentType(ContentType.JSON).body(body)
                .when().post("/margin/what-if");
    }

    private static Map<String, Object> parameters() {
        return Map.ofEntries(
                Map.entry("effectiveFrom", TODAY.toString()),
                Map.entry("currency", "USD"),
                Map.entry("contractUnit", 1000),
                Map.entry("priceScanFraction", new BigDecimal("0.25")),
                Map.entry("referencePrice", 3.10),
                Map.entry("extremeMoveMultiple", 3),
                Map.entry("extremeMoveCover", 0.33),
                Map.entry("intraSpreadCharge", 15.00),
                Map.entry("ratioHouse", 1.00),
                Map.entry("ratioClientOmnibus", 1.10),
                Map.entry("ratioClientSegregated", 1.10));
    }
}
