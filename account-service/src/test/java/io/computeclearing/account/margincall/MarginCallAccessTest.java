package io.computeclearing.account.margincall;

import io.computeclearing.account.Api;
import io.computeclearing.account.Feeds;
import io.computeclearing.platform.security.Roles;
import io.computeclearing.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Margin calls and cover are seen by back office and risk, and by a member user for its own member only. */
@QuarkusTest
class MarginCallAccessTest {

    private static final String SOME_CALL = "/margin-calls/6f1c7a52-0c55-4d0b-9d0e-5a0a3a1b8f4e";

    @ParameterizedTest
    @ValueSource(strings = {"/margin-calls", SOME_CALL, "/accounts/ALPHA-H/cover"})
    void everyEndpointNeedsAToken(String path) {
        Api.anonymous().get(path).then().statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/margin-calls", SOME_CALL})
    void adminAndIndexProviderMayNotReadMarginCalls(String path) {
        Api.as(TestTokens.admin()).get(path).then().statusCode(403);
        Api.as(TestTokens.token("provider", Set.of(Roles.INDEX_PROVIDER), null)).get(path).then().statusCode(403);
    }

    @Test
    void aMemberSeesItsOwnCallsAndNeverAnotherMembers() {
        String alpha = Api.registerMember("ALPHA");
        String alphaAccount = Api.openAccount(alpha, "USD");
        String bravo = Api.registerMember("BRAVO");
        String bravoAccount = Api.openAccount(bravo, "USD");
        for (String account : List.of(alphaAccount, bravoAccount)) {
            Api.deposit(account, "USD", "100.00");
            Feeds.cycle(account, "USD", "200.00");
        }
        String alphaCall = callOf(alphaAccount);
        String bravoCall = callOf(bravoAccount);

        List<String> seenByAlpha = Api.as(TestTokens.member(alpha)).get("/margin-calls").then().statusCode(200)
                .extract().jsonPath().getList("memberId");
        assertThat(seenByAlpha).isNotEmpty().containsOnly(alpha);
        Api.as(TestTokens.member(alpha)).get("/margin-calls/{id}", alphaCall).then().statusCode(200)
                .body("amount", equalTo(new BigDecimal("100.00")));
        Api.as(TestTokens.member(alpha)).queryParam("accountId", bravoAccount).get("/margin-calls").then()
                .statusCode(200).body("$", hasSize(0));
        String body = Api.as(TestTokens.member(alpha)).get("/margin-calls/{id}", bravoCall).then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("margin call '" + bravoCall + "' does not exist"))
                .extract().asString();
        assertThat(body).doesNotContain(bravo, bravoAccount, "100.00");
        Api.as(TestTokens.member(alpha)).get("/accounts/{id}/cover", bravoAccount).then().statusCode(404);
        Api.as(TestTokens.member(alpha)).get("/accounts/{id}/cover", alphaAccount).then().statusCode(200)
                .body("excess", equalTo(new BigDecimal("-100.00")));

        Api.as(TestTokens.risk()).get("/margin-calls/{id}", bravoCall).then().statusCode(200);
        Api.backOffice().get("/margin-calls/{id}", bravoCall).then().statusCode(200);
    }

    @Test
    void aMemberTokenWithoutAMemberSeesNoCalls() {
        Api.as(TestTokens.token("nobody", Set.of(Roles.MEMBER), null)).get("/margin-calls").then().statusCode(200)
                .body("$", hasSize(0));
    }

    private static String callOf(String account) {
        return Api.backOffice().queryParam("accountId", account).get("/margin-calls").then().statusCode(200)
                .body("$", hasSize(1)).extract().jsonPath().getString("[0].id");
    }
}
