package io.computeclearing.settlement;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.events.account.AccountEvents.AccountOpened;
import io.computeclearing.testsupport.TestTokens;
import io.computeclearing.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * settlement-service keeps the account directory from platform (its behaviour is tested there). Statements total in
 * the account's base currency, which is not always the dollar.
 */
@QuarkusTest
class SettledAccountsTest {

    @Test
    void yuanAccountIsKnownWithItsBaseCurrency() {
        String memberId = "STL" + Integer.toHexString(UUID.randomUUID().hashCode()).toUpperCase();
        String accountId = memberId + "-CN";
        TopicProbe.publish(Topics.ACCOUNTS, accountId, EventCodec.encode(EventEnvelope.of(
                AccountEvents.ACCOUNT_OPENED, accountId, 3, "account-service",
                new AccountOpened(accountId, memberId, "CLIENT_OMNIBUS", "CNY", "ACTIVE"))));

        await().atMost(30, SECONDS).until(() -> as(TestTokens.risk()).get("/accounts/{id}", accountId).statusCode() == 200);

        as(TestTokens.risk()).get("/accounts/{id}", accountId).then().body("baseCurrency", equalTo("CNY"));
        as(TestTokens.member("NOT" + memberId)).get("/accounts/{id}", accountId).then().statusCode(404);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }
}
