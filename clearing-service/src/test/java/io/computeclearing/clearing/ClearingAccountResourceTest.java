package io.computeclearing.clearing;

import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.events.account.AccountEvents.AccountOpened;
import io.computeclearing.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.computeclearing.clearing.AccountEventFeed.publish;
import static io.computeclearing.clearing.AccountEventFeed.uniqueId;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

/** Who may read the clearing accounts. */
@QuarkusTest
class ClearingAccountResourceTest {

    @Test
    void requestsWithoutTokenAreRejected() {
        given().get("/accounts").then().statusCode(401);
        given().get("/accounts/{id}", "ANY").then().statusCode(401);
    }

    @Test
    void memberUserSeesItsOwnAccountAndNoOtherMembers() {
        String member = uniqueId("M");
        String account = openedAccount(member);

        given().auth().oauth2(TestTokens.member(member)).get("/accounts/{id}", account)
                .then().statusCode(200).body("id", equalTo(account), "memberId", equalTo(member));
        given().auth().oauth2(TestTokens.member(uniqueId("M"))).get("/accounts/{id}", account)
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"));
        given().auth().oauth2(TestTokens.member(member)).get("/accounts").then().statusCode(403);
    }

    @Test
    void riskListsAccountsWithWhetherTheyAcceptTrades() {
        String account = openedAccount(uniqueId("M"));

        given().auth().oauth2(TestTokens.risk()).get("/accounts")
                .then().statusCode(200)
                .body("find { it.id == '%s' }.accountType".formatted(account), equalTo("HOUSE"))
                .body("find { it.id == '%s' }.acceptsTrades".formatted(account), is(false));
    }

    @Test
    void unknownAccountIsAProblem() {
        given().auth().oauth2(TestTokens.backOffice()).get("/accounts/{id}", "NO-SUCH-ACCOUNT")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"));
    }

    /** An account whose member's registration has not been seen, so it does not accept trades yet. */
    private static String openedAccount(String member) {
        String account = uniqueId("H-");
        publish(AccountEvents.ACCOUNT_OPENED, account, new AccountOpened(account, member, "HOUSE", "USD", "ACTIVE"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.backOffice()).get("/accounts/{id}", account).then().statusCode(200));
        return account;
    }
}
