package io.computeclearing.settlement;

import io.computeclearing.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;

/**
 * No token, no access; the back office alone sets prices and runs the end of day; staff read runs; everyone reads
 * prices and final settlements; statements are scoped to the member (see StatementTest for the 404s).
 */
@QuarkusTest
class SettlementAccessTest {

    @ParameterizedTest
    @CsvSource({
            "GET, /settlement-prices/2027-01-04", "POST, /settlement-prices/2027-01-04",
            "POST, /settlement-prices/2027-01-04/derive", "POST, /end-of-day/2027-01-04",
            "GET, /end-of-day/2027-01-04", "GET, /final-settlements/GH100-202701",
            "GET, /statements/ACC-1/2027-01-04"})
    void everyEndpointNeedsAToken(String method, String path) {
        SettlementApi.anonymous().body("[]").request(method, path).then().statusCode(401);
    }

    @ParameterizedTest
    @CsvSource({
            "member, POST, /settlement-prices/2027-01-04", "risk, POST, /settlement-prices/2027-01-04",
            "admin, POST, /settlement-prices/2027-01-04", "index-provider, POST, /settlement-prices/2027-01-04",
            "member, POST, /settlement-prices/2027-01-04/derive", "risk, POST, /settlement-prices/2027-01-04/derive",
            "member, POST, /end-of-day/2027-01-04", "risk, POST, /end-of-day/2027-01-04",
            "admin, POST, /end-of-day/2027-01-04", "member, GET, /end-of-day/2027-01-04",
            "index-provider, GET, /end-of-day/2027-01-04", "index-provider, GET, /statements/ACC-1/2027-01-04",
            "index-provider, GET, /settlement-prices/2027-01-04"})
    void aRoleMayOnlyDoItsOwnJob(String role, String method, String path) {
        String token = switch (role) {
            case "member" -> TestTokens.member("ALPHA");
            case "risk" -> TestTokens.risk();
            case "index-provider" -> TestTokens.token("silicon.data", Set.of("index-provider"), null);
            default -> TestTokens.admin();
        };
        SettlementApi.as(token).body("[]").request(method, path).then().statusCode(403);
    }

    @ParameterizedTest
    @CsvSource({"member, /settlement-prices/2027-01-04", "risk, /settlement-prices/2027-01-04",
            "admin, /settlement-prices/2027-01-04", "back-office, /settlement-prices/2027-01-04",
            "member, /final-settlements/NONE", "risk, /end-of-day/2000-01-04", "admin, /end-of-day/2000-01-04"})
    void readersPassTheRoleCheck(String role, String path) {
        String token = switch (role) {
            case "member" -> TestTokens.member("ALPHA");
            case "risk" -> TestTokens.risk();
            case "back-office" -> TestTokens.backOffice();
            default -> TestTokens.admin();
        };
        int status = SettlementApi.as(token).get(path).statusCode();
        org.assertj.core.api.Assertions.assertThat(status).as(role + " GET " + path).isIn(200, 404);
    }
}
