package io.computeclearing.platform.problem;

import io.computeclearing.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** Every refusal of the probe application is problem+json with a stable type and no internals. */
@QuarkusTest
class ProblemMappersTest {

    private static final String PROBLEM = "application/problem+json";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/probe/days/2026-13-45/orders/7 | path parameter 'day' must be a date (YYYY-MM-DD) in the years 2000 to 2199",
            "/probe/days/-999999999-01-01/orders/7 | path parameter 'day' must be a date (YYYY-MM-DD) in the years 2000 to 2199",
            "/probe/days/2200-01-01/orders/7 | path parameter 'day' must be a date (YYYY-MM-DD) in the years 2000 to 2199",
            "/probe/days/2026-12-01/orders/seven | path parameter 'id' must be a whole number",
            "/probe/orders?asOf=yesterday | query parameter 'asOf' must be an instant in UTC (YYYY-MM-DDThh:mm:ssZ) in the years 2000 to 2199",
            "/probe/orders?asOf=1999-12-31T23:59:59Z | query parameter 'asOf' must be an instant in UTC (YYYY-MM-DDThh:mm:ssZ) in the years 2000 to 2199",
            "/probe/orders?minPrice=1e400 | query parameter 'minPrice' must be a decimal number of at most 40 digits before and after the point",
            "/probe/orders?side=HOLD | query parameter 'side' must be one of BUY, SELL",
            "/probe/orders?page=two | query parameter 'page' must be a whole number",
            "/probe/orders?minPrice=cheap | query parameter 'minPrice' must be a decimal number of at most 40 digits before and after the point"})
    void aMalformedParameterIs400NamingIt(String path, String detail) {
        given().auth().oauth2(TestTokens.admin()).get(path).then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("/problems/malformed-parameter"))
                .body("title", equalTo("Malformed parameter"))
                .body("status", equalTo(400))
                .body("detail", equalTo(detail));
    }

    @Test
    void wellFormedParametersAreRead() {
        given().auth().oauth2(TestTokens.admin()).get("/probe/days/2026-12-01/orders/7")
                .then().statusCode(200).body(equalTo("2026-12-01/7"));
        given().auth().oauth2(TestTokens.admin())
                .get("/probe/orders?asOf=2026-12-01T10:00:00Z&side=SELL&page=2&minPrice=-0.50")
                .then().statusCode(200).body(equalTo("2026-12-01T10:00:00Z/SELL/2/-0.50"));
    }

    @Test
    void withoutATokenOrWithAForgedOneIs401WithABearerChallenge() {
        String admin = TestTokens.admin();
        String other = TestTokens.member("ALPHA");
        String forged = admin.substring(0, admin.lastIndexOf('.')) + other.substring(other.lastIndexOf('.'));
        for (String token : new String[] {null, forged}) {
            var request = given();
            if (token != null) {
                request.auth().oauth2(token);
            }
            request.get("/probe/orders").then().statusCode(401).contentType(PROBLEM)
                    .header("WWW-Authenticate", "Bearer")
                    .body("type", equalTo("/problems/unauthorized"))
                    .body("status", equalTo(401));
        }
    }

    @Test
    void aTokenForAnotherAudienceIs401EvenWithTheRightRole() {
        // An ID token names the client that logged in as its audience; another client's service account its own.
        for (String audience : new String[] {"ccp-cli", "account-service"}) {
            given().auth().oauth2(TestTokens.token("admin", Set.of("admin"), null, audience)).get("/probe/orders")
                    .then().statusCode(401).contentType(PROBLEM)
                    .header("WWW-Authenticate", "Bearer")
                    .body("type", equalTo("/problems/unauthorized"));
        }
        given().auth().oauth2(TestTokens.token("admin", Set.of("admin"), null, TestTokens.AUDIENCE))
                .get("/probe/orders").then().statusCode(200);
    }

    @Test
    void aRoleThatIsNotAllowedIs403() {
        given().auth().oauth2(TestTokens.token("someone", Set.of("no-such-role"), null)).get("/probe/orders")
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo("/problems/forbidden"));
        given().auth().oauth2(TestTokens.member("ALPHA")).get("/probe/orders")
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo("/problems/forbidden"));
    }

    @Test
    void theFrameworksOwnRefusalsAreProblems() {
        String admin = TestTokens.admin();
        given().auth().oauth2(admin).get("/no-such-path").then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("/problems/http-404"));
        given().get("/no-such-path").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(admin).delete("/probe/orders").then().statusCode(405).contentType(PROBLEM)
                .body("type", equalTo("/problems/http-405"));
        // a path that two resource classes share, where RESTEasy Reactive itself would say 404
        given().auth().oauth2(admin).delete("/probe/days/2026-12-01/notes").then().statusCode(405)
                .contentType(PROBLEM).header("Allow", equalTo("GET"))
                .body("type", equalTo("/problems/http-405"));
        given().auth().oauth2(admin).get("/probe/days/2026-12-01/notes").then().statusCode(200);
        given().auth().oauth2(admin).accept("image/png").get("/probe/orders").then().statusCode(406)
                .contentType(PROBLEM).body("type", equalTo("/problems/http-406"));
        given().auth().oauth2(admin).contentType("text/plain").body("BUY 1").post("/probe/orders")
                .then().statusCode(415).contentType(PROBLEM).body("type", equalTo("/problems/http-415"));
        given().auth().oauth2(admin).contentType("application/json").body("<order/>").post("/probe/orders/xml")
                .then().statusCode(415).contentType(PROBLEM).body("type", equalTo("/problems/http-415"));
    }

    @Test
    void anUnreadableBodyNamesTheFieldButNoJavaClass() {
        String admin = TestTokens.admin();
        assertNoInternals(given().auth().oauth2(admin).contentType("application/json")
                .body("{\"side\":\"BUY\",\"quantity\":1,\"price\":2.5,\"venue\":\"X\"}").post("/probe/orders")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("/problems/malformed-request"))
                .body("violations[0].field", equalTo("venue"))
                .body("violations[0].message", equalTo("is not a field of this request"))
                .extract().response());
        assertNoInternals(given().auth().oauth2(admin).contentType("application/json")
                .body("{\"side\":\"HOLD\",\"quantity\":1,\"price\":2.5}").post("/probe/orders")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("side"))
                .body("violations[0].message", equalTo("must be one of BUY, SELL, was 'HOLD'"))
                .extract().response());
        assertNoInternals(given().auth().oauth2(admin).contentType("application/json")
                .body("{\"side\":\"BUY\",\"quantity\":\"lots\",\"price\":2.5}").post("/probe/orders")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("quantity"))
                .body("violations[0].message", containsString("must be a whole number"))
                .extract().response());
        assertNoInternals(given().auth().oauth2(admin).contentType("application/json")
                .body("{\"side\":").post("/probe/orders")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("/problems/malformed-request"))
                .extract().response());
    }

    @Test
    void anUnexpectedFailureIs500WithACorrelationIdAndNothingElse() {
        Response response = given().auth().oauth2(TestTokens.admin()).get("/probe/failure")
                .then().statusCode(500).contentType(PROBLEM)
                .body("type", equalTo("/problems/server-error"))
                .body("title", equalTo("Internal error"))
                .body("status", equalTo(500))
                .body("detail", not(containsString("select")))
                .extract().response();
        String correlationId = response.jsonPath().getString("correlationId");
        assertThat(correlationId).matches("[0-9a-f-]{36}");
        assertThat(response.jsonPath().getString("detail")).contains(correlationId);
        assertNoInternals(response);
    }

    @Test
    void aUniqueKeyTakenFirstByAnotherRequestIs409ConflictNamingThePathNotTheConstraint() {
        String name = "race-" + System.nanoTime();
        given().auth().oauth2(TestTokens.admin()).post("/probe/counters/" + name).then().statusCode(200);
        Response response = given().auth().oauth2(TestTokens.admin()).post("/probe/counters/" + name)
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("/problems/conflict"))
                .body("title", equalTo("Conflicting request"))
                .body("detail", containsString("/probe/counters/" + name))
                .body("correlationId", equalTo(null))
                .extract().response();
        assertThat(response.asString()).doesNotContain("probe_counter", "pkey", "23505", "duplicate");
        assertNoInternals(response);
    }

    private static void assertNoInternals(Response response) {
        assertThat(response.asString()).doesNotContain("Exception", "at io.", "SQL", "org.", "io.computeclearing");
    }
}
