package io.computeclearing.settlement.index;

import io.computeclearing.testsupport.TestTokens;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/**
 * Calls to the index endpoints as each role makes them. Tests share one application and database, so each test works
 * on an index of its own ({@link #newIndex}) or on value dates of its own ({@link #uniqueDate}).
 */
final class IndexApi {

    /** JSON numbers read back as BigDecimal, so values are compared exactly (scale included). */
    private static final RestAssuredConfig EXACT_NUMBERS = RestAssuredConfig.config().jsonConfig(
            JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000));

    private IndexApi() {
    }

    static RequestSpecification as(String token) {
        return given().config(EXACT_NUMBERS).auth().oauth2(token).contentType(ContentType.JSON);
    }

    static RequestSpecification backOffice() {
        return as(TestTokens.backOffice());
    }

    static RequestSpecification anonymous() {
        return given().config(EXACT_NUMBERS).contentType(ContentType.JSON);
    }

    static String indexProviderToken() {
        return TestTokens.token("silicon.data", Set.of("index-provider"), null);
    }

    static RequestSpecification indexProvider() {
        return as(indexProviderToken());
    }

    /**
     * A value date no other test uses, nor its next nine days (the seeded indices are shared by all tests), within the
     * business years (to 2199): 5,000 slots of ten days from 2030.
     */
    static LocalDate uniqueDate() {
        return LocalDate.of(2030, 1, 1).plusDays(10L * (SEQUENCE.incrementAndGet() % 5_000));
    }

    static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    /** Volume-weighted median, at least 3 providers, 24 hours fresh, outliers beyond 5 MAD. */
    static final String MEDIAN_OF_THREE = """
            {"method":"VOLUME_WEIGHTED_MEDIAN","minContributors":3,"stalenessLimit":"PT24H","outlierMadMultiple":5,
             "changeReason":"test panel"}""";

    /** One observation as JSON. */
    static String observation(String id, String provider, String kind, String price, String volume,
                              java.time.Instant observedAt) {
        return """
                {"observationId":"%s","provider":"%s","kind":"%s","price":%s,"volume":%s,"observedAt":"%s"}"""
                .formatted(id, provider, kind, price, volume, observedAt);
    }

    /**
     * Defines a USD index with 4 decimals, published at 16:00 New York time, and gives it a methodology. Returns its id.
     */
    static String newIndex(String methodologyJson) {
        String id = unique("TEST");
        backOffice().body("""
                        {"id":"%s","name":"Test GPU index","unit":"USD per GPU-hour","currency":"USD","valueScale":4,
                         "publicationTime":"16:00","publicationZone":"America/New_York",
                         "description":"Volume-weighted median of the test panel"}""".formatted(id))
                .post("/indices").then().statusCode(201);
        backOffice().body(methodologyJson).post("/indices/{id}/methodology", id).then().statusCode(201);
        return id;
    }
}
