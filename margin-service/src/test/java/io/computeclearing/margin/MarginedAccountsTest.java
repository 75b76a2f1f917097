package io.computeclearing.margin;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.events.account.AccountEvents.AccountOpened;
import io.computeclearing.testsupport.TestTokens;
import io.computeclearing.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * margin-service keeps the account directory from platform (its behaviour is tested there). The account type is what
 * will select the ratio of initial to maintenance margin, so it must arrive intact.
 */
@QuarkusTest
class MarginedAccountsTest {

    private static final String MEMBER = "MRG" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    @Test
    void segregatedClientAccountArrivesWithItsAccountType() {
        String account = MEMBER + "-SEG";
        EventEnvelope opened = EventEnvelope.of(AccountEvents.ACCOUNT_OPENED, account, 42, "account-service",
                new AccountOpened(account, MEMBER, "CLIENT_SEGREGATED", "USD", "ACTIVE"));
        TopicProbe.publish(Topics.ACCOUNTS, account, EventCodec.encode(opened));

        // The member's own user reads it; a user of any other member gets 404.
        String ownUser = TestTokens.member(MEMBER);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(ownUser).when().get("/accounts/" + account)
                        .then().statusCode(200).body("accountType", equalTo("CLIENT_SEGREGATED")));
        given().auth().oauth2(TestTokens.member(MEMBER + "X")).when().get("/accounts/" + account)
                .then().statusCode(404).body("type", equalTo("/problems/not-found"));
    }
}
