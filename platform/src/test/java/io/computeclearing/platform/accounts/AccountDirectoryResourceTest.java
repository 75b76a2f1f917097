package io.computeclearing.platform.accounts;

import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.events.account.AccountEvents.AccountOpened;
import io.computeclearing.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.computeclearing.platform.accounts.AccountServiceRelay.publish;
import static io.computeclearing.platform.accounts.AccountServiceRelay.uniqueId;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/** Who may read the account directory. */
@QuarkusTest
class AccountDirectoryResourceTest {

    @Test
    void requestsWithoutTokenAreRejected() {
        given().get("/accounts").then().statusCode(401);
        given().get("/accounts/{id}", "ANY").then().statusCode(401);
    }

    @Test
    void memberUserSeesItsOwnAccountAndNoOtherMembers() {
        String member = uniqueId("M");
        String account = openedAccount(member, "CLIENT_OMNIBUS");

        given().auth().oauth2(TestTokens.member(member)).get("/accounts/{id}", account)
                .then().statusCode(200).body("id", equalTo(account), "memberId", equalTo(member));
        given().auth().oauth2(TestTokens.member(uniqueId("M"))).get("/accounts/{id}", account)
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"));
        given().auth().oauth2(TestTokens.member(member)).get("/accounts").then().statusCode(403);
    }

    @Test
    void riskListsOneMembersAccountsWithWhetherTheyAcceptBusiness() {
        String member = uniqueId("M");
        String house = openedAccount(member, "HOUSE");
        String client = openedAccount(member, "CLIENT_SEGREGATED");
        openedAccount(uniqueId("M"), "HOUSE");

        given().auth().oauth2(TestTokens.risk()).queryParam("memberId", member).get("/accounts")
                .then().statusCode(200)
                .body("id", contains(client, house))
                .body("find { it.id == '%s' }.accountType".formatted(house), equalTo("HOUSE"))
                .body("find { it.id == '%s' }.baseCurrency".formatted(house), equalTo("USD"))
                .body("find { it.id == '%s' }.status".formatted(house), equalTo("ACTIVE"))
                .body("find { it.id == '%s' }.memberStatus".formatted(house), nullValue())
                .body("find { it.id == '%s' }.acceptsBusiness".formatted(house), is(false));
    }

    @Test
    void unknownAccountIsAProblem() {
        given().auth().oauth2(TestTokens.backOffice()).get("/accounts/{id}", "NO-SUCH-ACCOUNT")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"));
    }

    /** An account whose member's registration has not been seen, so it does not accept business yet. */
    private static String openedAccount(String member, String accountType) {
        String account = uniqueId(accountType.equals("HOUSE") ? "H-" : "C-");
        publish(AccountEvents.ACCOUNT_OPENED, account, new AccountOpened(account, member, accountType, "USD", "ACTIVE"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.backOffice()).get("/accounts/{id}", account).then().statusCode(200));
        return account;
    }
}
