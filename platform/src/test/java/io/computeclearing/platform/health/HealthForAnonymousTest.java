package io.computeclearing.platform.health;

import io.computeclearing.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Health answers everyone, but only an admin sees which checks ran and what they said. */
@QuarkusTest
class HealthForAnonymousTest {

    @ParameterizedTest
    @ValueSource(strings = {"/q/health", "/q/health/live", "/q/health/ready", "/q/health/started"})
    void aCallerWithoutATokenGetsTheStatusOnly(String path) {
        String body = given().get(path).then().statusCode(200).extract().asString();

        assertThat(body).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void aTokenWithoutTheAdminRoleGetsTheStatusOnly() {
        String body = given().auth().oauth2(TestTokens.backOffice()).get("/q/health/ready")
                .then().statusCode(200).extract().asString();

        assertThat(body).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void anAdminSeesEveryCheck() {
        given().auth().oauth2(TestTokens.admin()).get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void aForgedTokenIsRefused() {
        given().auth().oauth2("not.a.token").get("/q/health").then().statusCode(401);
    }
}
