package io.computeclearing.platform.problem;

import io.computeclearing.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

/** JSON types are strict, numbers and strings bounded while read, and a decimal refused rather than rounded. */
@QuarkusTest
class BoundedInputTest {

    private static final String PROBLEM = "application/problem+json";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"reference\":123,\"amount\":1,\"urgent\":false}                     | reference | /problems/malformed-request | must be a string",
            "{\"reference\":true,\"amount\":1,\"urgent\":false}                    | reference | /problems/malformed-request | must be a string",
            "{\"reference\":\"R\",\"amount\":\"1\",\"urgent\":false}               | amount    | /problems/malformed-request | must be a number",
            "{\"reference\":\"R\",\"amount\":1,\"urgent\":\"true\"}                | urgent    | /problems/malformed-request | must be true or false",
            "{\"reference\":\"R\",\"amount\":1E+400,\"urgent\":false}              | amount    | /problems/validation        | must be a number of at most 40 digits before the decimal point and 40 after it",
            "{\"reference\":\"R\",\"amount\":1e131071,\"urgent\":false}            | amount    | /problems/validation        | must be a number of at most 40 digits before the decimal point and 40 after it",
            "{\"reference\":\"R\\u0000\",\"amount\":1,\"urgent\":false}            | reference | /problems/validation        | must not contain control characters",
            "{\"reference\":\"R\",\"amount\":0.123,\"urgent\":false}               | amount    | /problems/validation        | must have at most 4 digits before the decimal point and 2 after it",
            "{\"reference\":\"R\",\"amount\":10000,\"urgent\":false}               | amount    | /problems/validation        | must have at most 4 digits before the decimal point and 2 after it",
            "{\"reference\":\"ABCDEFGHIJK\",\"amount\":1,\"urgent\":false}         | reference | /problems/validation        | size must be between 0 and 10"})
    void aValueOutsideItsDomainIsRefusedNamingTheField(String body, String field, String type, String message) {
        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body(body).post("/probe/bookings")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(type))
                .body("violations[0].field", equalTo(field))
                .body("violations[0].message", startsWith(message))
                .body("detail", not(containsString("java")));
    }

    @Test
    void aValueInsideItsDomainIsKeptExactly() {
        given().auth().oauth2(TestTokens.admin()).contentType("application/json")
                .body("{\"reference\":\"line\\nbreak\",\"amount\":9999.990,\"urgent\":true}").post("/probe/bookings")
                .then().statusCode(200)
                .body("reference", equalTo("line\nbreak"))
                .body("amount", equalTo(9999.990f))
                .body("urgent", equalTo(true));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/probe/orders?side=B%00UY            | query parameter 'side' must be printable ASCII, without control characters",
            "/probe/orders?side=%C3%84            | query parameter 'side' must be printable ASCII, without control characters",
            "/probe/days/2026-12-01/orders/7%00   | path parameter 'path' must be printable ASCII, without control characters",
            "/probe/days/2026-12-01/orders/%C3%84 | path parameter 'path' must be printable ASCII, without control characters"})
    void anUnprintableParameterIs400(String path, String detail) {
        given().urlEncodingEnabled(false).auth().oauth2(TestTokens.admin()).get(path)
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("/problems/malformed-parameter"))
                .body("detail", equalTo(detail));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"valueDate\":\"-999999999-01-01\"}           | valueDate | must be a date (YYYY-MM-DD) in the years 2000 to 2199",
            "{\"valueDate\":\"0000-01-01\"}                 | valueDate | must be a date (YYYY-MM-DD) in the years 2000 to 2199",
            "{\"valueDate\":\"1999-12-31\"}                 | valueDate | must be a date (YYYY-MM-DD) in the years 2000 to 2199",
            "{\"valueDate\":\"+99999-12-31\"}               | valueDate | must be a date (YYYY-MM-DD) in the years 2000 to 2199",
            "{\"at\":\"-999999999-01-01T00:00:00Z\"}        | at        | must be an instant in UTC (YYYY-MM-DDThh:mm:ssZ) in the years 2000 to 2199",
            "{\"at\":\"2200-01-01T00:00:00Z\"}              | at        | must be an instant in UTC (YYYY-MM-DDThh:mm:ssZ) in the years 2000 to 2199"})
    void aDateInABodyOutsideTheBusinessYearsIsRefused(String body, String field, String message) {
        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body(body).post("/probe/deliveries")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("/problems/validation"))
                .body("violations[0].field", equalTo(field))
                .body("violations[0].message", equalTo(message));
    }

    @Test
    void aDateInABodyAtTheEdgesOfTheBusinessYearsIsKept() {
        given().auth().oauth2(TestTokens.admin()).contentType("application/json")
                .body("{\"valueDate\":\"2000-01-01\",\"at\":\"2199-12-31T23:59:59Z\"}").post("/probe/deliveries")
                .then().statusCode(200)
                .body("valueDate", equalTo("2000-01-01"))
                .body("at", equalTo("2199-12-31T23:59:59Z"));
    }

    @Test
    void aFractionIsNotAWholeNumber() {
        given().auth().oauth2(TestTokens.admin()).contentType("application/json")
                .body("{\"side\":\"BUY\",\"quantity\":1.5,\"price\":2.5}").post("/probe/orders")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("quantity"));
    }
}
