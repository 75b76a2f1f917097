package io.computeclearing.margin;

import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.events.account.AccountEvents.AccountOpened;
import io.computeclearing.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.computeclearing.margin.AccountEventFeed.publish;
import static io.computeclearing.margin.AccountEventFeed.uniqueId;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Who may read the margin accounts. */
@QuarkusTest
class MarginAccountResourceTest {

    @Test
    void memberUserSeesItsOwnAccountAndNoOtherMembers() {
        String member = uniqueId("M");
        String account = uniqueId("H-");
        publish(AccountEvents.ACCOUNT_OPENED, account, new AccountOpened(account, member, "HOUSE", "USD", "ACTIVE"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.backOffice()).get("/accounts").then().statusCode(200)
                        .body("id", hasItem(account)));

        given().get("/accounts/{id}", account).then().statusCode(401);
        given().get("/accounts").then().statusCode(401);
        given().auth().oauth2(TestTokens.member(member)).get("/accounts/{id}", account)
                .then().statusCode(200).body("accountType", equalTo("HOUSE"));
        given().auth().oauth2(TestTokens.member(uniqueId("M"))).get("/accounts/{id}", account)
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"));
        given().auth().oauth2(TestTokens.member(member)).get("/accounts").then().statusCode(403);
    }
}
