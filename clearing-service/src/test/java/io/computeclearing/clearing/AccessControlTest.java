package io.computeclearing.clearing;

import io.computeclearing.platform.security.Roles;
import io.computeclearing.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

/** No token, no access; staff by role; a member user reads its own member's trades and positions and nothing else. */
@QuarkusTest
class AccessControlTest {

    @ParameterizedTest
    @CsvSource({
            "GET, /catalogue/families", "GET, /catalogue/families/GH100", "POST, /catalogue/families",
            "PUT, /catalogue/families/GH100/holidays", "GET, /catalogue/instruments",
            "GET, /catalogue/instruments/GH100-202701", "POST, /catalogue/listings/roll",
            "GET, /business-days", "POST, /business-days/2026-11-24/open", "POST, /business-days/2026-11-24/close",
            "POST, /trades", "POST, /trades/batch", "GET, /trades", "GET, /trades/1",
            "GET, /positions", "GET, /open-interest", "POST, /trades/1/bust", "POST, /trades/1/correct",
            "POST, /trades/1/give-ups", "GET, /give-ups", "POST, /give-ups/1/accept", "POST, /give-ups/1/reject",
            "GET, /catalogue/instruments/GH100-202701/final-settlement"})
    void everyEndpointNeedsAToken(String method, String path) {
        Api.anonymous().body("{}").request(method, path).then().statusCode(401);
    }

    @ParameterizedTest
    @CsvSource({
            "member, POST, /trades", "risk, POST, /trades", "admin, POST, /trades", "member, POST, /trades/batch",
            "member, GET, /trades/1", "member, GET, /open-interest",
            "member, POST, /catalogue/families", "risk, POST, /catalogue/families",
            "member, PUT, /catalogue/families/GH100/holidays", "member, POST, /catalogue/listings/roll",
            "member, POST, /business-days/2026-11-24/open", "risk, POST, /business-days/2026-11-24/close",
            "member, POST, /trades/1/bust", "risk, POST, /trades/1/bust", "member, POST, /trades/1/correct",
            "risk, POST, /trades/1/give-ups", "risk, GET, /give-ups", "admin, POST, /give-ups/1/accept"})
    void aRoleMayOnlyDoItsOwnJob(String role, String method, String path) {
        String token = switch (role) {
            case "member" -> TestTokens.member("ALPHA");
            case "risk" -> TestTokens.risk();
            default -> TestTokens.admin();
        };
        Api.as(token).body("{}").request(method, path).then().statusCode(403);
    }

    @Test
    void anIndexProviderCannotReadAFinalSettlement() {
        Api.as(TestTokens.token("provider", Set.of(Roles.INDEX_PROVIDER), null))
                .get("/catalogue/instruments/GH100-202701/final-settlement").then().statusCode(403);
    }

    @Test
    void aMemberReadsOnlyItsOwnTradesAndPositions() {
        String alpha = Accounts.member("ALPHA");
        String bravo = Accounts.member("BRAVO");
        String alphaAccount = Accounts.open(alpha, "HOUSE");
        String bravoAccount = Accounts.open(bravo, "HOUSE");
        String bravoClients = Accounts.open(bravo, "CLIENT_OMNIBUS");
        Accounts.awaitTradable(alphaAccount, bravoAccount, bravoClients);
        String instrument = Api.listed("GH100").get(1);
        Api.clear(TestTrade.of(instrument, 5, "2.6", alphaAccount, bravoAccount));
        Api.clear(TestTrade.of(instrument, 77, "2.6", bravoClients, bravoAccount));

        Api.as(TestTokens.member(alpha)).get("/trades").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items.accountId", equalTo(List.of(alphaAccount)))
                .body("items.side", equalTo(List.of("BUY")));
        Api.as(TestTokens.member(alpha)).get("/positions").then().statusCode(200)
                .body("accountId", equalTo(List.of(alphaAccount)))
                .body("memberId", everyItem(equalTo(alpha)));

        // another member's account, asked for by name, reads as empty: no data, not even that it exists
        String trades = Api.as(TestTokens.member(alpha)).queryParam("accountId", bravoClients).get("/trades")
                .then().statusCode(200).body("total", equalTo(0)).body("items", empty()).extract().asString();
        String positions = Api.as(TestTokens.member(alpha)).queryParam("accountId", bravoClients).get("/positions")
                .then().statusCode(200).body("$", empty()).extract().asString();
        assertThat(trades + positions).doesNotContain("77", bravo);

        Api.as(TestTokens.member(bravo)).queryParam("accountId", bravoClients).get("/positions").then()
                .body("longQuantity", equalTo(List.of(77)));
        Api.as(TestTokens.member(bravo)).get("/trades").then().body("total", equalTo(3));
    }

    @Test
    void aMemberTokenWithoutAMemberSeesNothing() {
        String orphan = TestTokens.token("nobody", Set.of("member"), null);

        Api.as(orphan).get("/trades").then().statusCode(200).body("total", equalTo(0));
        Api.as(orphan).get("/positions").then().statusCode(200).body("$", empty());
    }

    @Test
    void membersReadTheCatalogueAndStaffReadEverything() {
        Api.as(TestTokens.member("ALPHA")).get("/catalogue/instruments").then().statusCode(200);
        Api.as(TestTokens.member("ALPHA")).get("/catalogue/families/GH100").then().statusCode(200);
        for (String token : List.of(TestTokens.backOffice(), TestTokens.risk(), TestTokens.admin())) {
            Api.as(token).get("/trades").then().statusCode(200);
            Api.as(token).get("/positions").then().statusCode(200);
            Api.as(token).get("/open-interest").then().statusCode(200);
        }
    }
}
