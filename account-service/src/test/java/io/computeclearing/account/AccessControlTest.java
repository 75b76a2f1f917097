package io.computeclearing.account;

import io.computeclearing.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

/** Who may do what: no token, no access; staff by role; a member user sees its own member's data and nothing else. */
@QuarkusTest
class AccessControlTest {

    @ParameterizedTest
    @CsvSource({
            "GET, /members", "POST, /members", "GET, /members/ALPHA",
            "POST, /members/ALPHA/suspend", "POST, /members/ALPHA/reinstate",
            "GET, /accounts", "POST, /accounts", "GET, /accounts/ALPHA-H",
            "POST, /accounts/ALPHA-H/suspend", "POST, /accounts/ALPHA-H/reinstate",
            "POST, /accounts/ALPHA-H/deposits", "POST, /accounts/ALPHA-H/withdrawals",
            "POST, /accounts/ALPHA-H/securities/deposits", "POST, /accounts/ALPHA-H/securities/withdrawals",
            "GET, /accounts/ALPHA-H/balances", "GET, /accounts/ALPHA-H/journal",
            "GET, /accounts/ALPHA-H/margin-requirement",
            "GET, /collateral/securities", "GET, /collateral/securities/US912828YK09",
            "GET, /collateral/securities/US912828YK09/prices", "PUT, /collateral/securities/US912828YK09",
            "GET, /collateral/fx-rates", "GET, /collateral/fx-rates/USD/CNY", "PUT, /collateral/fx-rates/USD/CNY",
            "PUT, /members/ALPHA/parent", "GET, /default-fund/ALPHA", "POST, /default-fund/ALPHA/contributions",
            "POST, /default-fund/ALPHA/releases", "GET, /default-fund", "GET, /contribution-calls",
            "GET, /contribution-calls/00000000-0000-0000-0000-000000000000",
            "POST, /members/ALPHA/default-waterfall", "GET, /members/ALPHA/default-waterfall"})
    void everyEndpointNeedsAToken(String method, String path) {
        Api.anonymous().body("{}").request(method, path).then().statusCode(401);
    }

    @ParameterizedTest
    @CsvSource({
            "member, POST, /accounts", "risk, POST, /accounts", "admin, POST, /accounts",
            "member, POST, /members", "member, GET, /members",
            "member, POST, /members/ALPHA/suspend", "risk, POST, /accounts/ALPHA-H/suspend",
            "risk, POST, /accounts/ALPHA-H/deposits", "member, POST, /accounts/ALPHA-H/withdrawals",
            "admin, POST, /accounts/ALPHA-H/securities/deposits", "risk, POST, /accounts/ALPHA-H/securities/withdrawals",
            "member, PUT, /collateral/securities/US912828YK09", "risk, PUT, /collateral/fx-rates/USD/CNY",
            "member, PUT, /members/ALPHA/parent", "risk, PUT, /members/ALPHA/parent",
            "member, POST, /default-fund/ALPHA/contributions", "risk, POST, /default-fund/ALPHA/contributions",
            "admin, POST, /default-fund/ALPHA/contributions", "risk, POST, /default-fund/ALPHA/releases",
            "admin, POST, /default-fund/ALPHA/releases", "member, GET, /default-fund",
            "admin, GET, /contribution-calls", "member, POST, /members/ALPHA/default-waterfall"})
    void aRoleMayOnlyDoItsOwnJob(String role, String method, String path) {
        String token = switch (role) {
            case "member" -> TestTokens.member("ALPHA");
            case "risk" -> TestTokens.risk();
            default -> TestTokens.admin();
        };
        Api.as(token).body("{}").header("Idempotency-Key", Api.idempotencyKey()).request(method, path)
                .then().statusCode(403);
    }

    @Test
    void aMemberCannotSeeAnotherMembersAccountEvenByName() {
        String alpha = Api.registerMember("ALPHA");
        String bravoAccount = Api.newAccount("BRAVO", "CNY");
        Api.depositCash(bravoAccount, Api.idempotencyKey(), "CNY", "7654321.00", "bravo-private-wire")
                .then().statusCode(201);

        for (String path : List.of("/accounts/{id}", "/accounts/{id}/balances", "/accounts/{id}/journal",
                "/accounts/{id}/margin-requirement")) {
            String body = Api.as(TestTokens.member(alpha)).get(path, bravoAccount).then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("/problems/not-found"))
                    .body("detail", equalTo("account '" + bravoAccount + "' does not exist"))
                    .extract().asString();
            assertThat(body).doesNotContain("7654321", "bravo-private-wire", "CNY", "memberId", "BRAVO-H");
        }
        // exactly what an account that does not exist answers
        Api.as(TestTokens.member(alpha)).get("/accounts/NO-SUCH-ACCOUNT").then().statusCode(404)
                .body("detail", equalTo("account 'NO-SUCH-ACCOUNT' does not exist"));
    }

    @Test
    void aMemberSeesOnlyItsOwnAccounts() {
        String alpha = Api.registerMember("ALPHA");
        String alphaAccount = Api.openAccount(alpha, "USD");
        String bravo = Api.registerMember("BRAVO");
        Api.openAccount(bravo, "USD");
        Api.deposit(alphaAccount, "USD", "10.00");

        Api.as(TestTokens.member(alpha)).get("/accounts").then().statusCode(200)
                .body("id", equalTo(List.of(alphaAccount)))
                .body("memberId", everyItem(equalTo(alpha)));
        Api.as(TestTokens.member(alpha)).queryParam("memberId", bravo).get("/accounts").then().statusCode(200)
                .body("$", empty());
        Api.as(TestTokens.member(alpha)).get("/accounts/{id}/balances", alphaAccount).then().statusCode(200)
                .body("collateralValue", equalTo(new BigDecimal("10.00")));
        Api.as(TestTokens.member(alpha)).get("/accounts/{id}/journal", alphaAccount).then().statusCode(200)
                .body("totalEntries", equalTo(1));
    }

    @Test
    void aMemberTokenWithoutAMemberSeesNoAccount() {
        String account = Api.newAccount("CHARLIE", "USD");
        String orphan = TestTokens.token("nobody", Set.of("member"), null);

        Api.as(orphan).get("/accounts").then().statusCode(200).body("$", empty());
        Api.as(orphan).get("/accounts/{id}", account).then().statusCode(404);
    }

    @Test
    void staffRolesReadEverything() {
        String account = Api.newAccount("DELTA", "USD");

        for (String token : List.of(TestTokens.backOffice(), TestTokens.risk(), TestTokens.admin())) {
            Api.as(token).get("/accounts/{id}/balances", account).then().statusCode(200);
            Api.as(token).get("/accounts/{id}/margin-requirement", account).then().statusCode(200);
        }
    }
}
