package io.computeclearing.risk;

import io.computeclearing.testsupport.TestTokens;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** risk-service's endpoints as the risk department, the back office and members call them. */
public final class RiskApi {

    /** JSON numbers read back as BigDecimal, so amounts are compared exactly (scale included). */
    public static final RestAssuredConfig EXACT_NUMBERS = RestAssuredConfig.config().jsonConfig(
            JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    private RiskApi() {
    }

    public static RequestSpecification as(String token) {
        return given().config(EXACT_NUMBERS).auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static RequestSpecification risk() {
        return as(TestTokens.risk());
    }

    public static RequestSpecification backOffice() {
        return as(TestTokens.backOffice());
    }

    public static RequestSpecification member(String memberId) {
        return as(TestTokens.member(memberId));
    }
}
