package io.computeclearing.clearing;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.events.account.AccountEvents.AccountOpened;
import io.computeclearing.platform.events.account.AccountEvents.MemberRegistered;
import io.computeclearing.testsupport.TestTokens;
import io.computeclearing.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/**
 * clearing-service keeps the account directory from platform (its behaviour is tested there): an account that
 * account-service opens for an active member becomes one that trades can be cleared into.
 */
@QuarkusTest
class TradableAccountsTest {

    @Test
    void houseAccountOfARegisteredMemberAcceptsTrades() {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String member = "CLR" + suffix;
        String house = member + "-H";
        fromAccountService(AccountEvents.MEMBER_REGISTERED, member, new MemberRegistered(member,
                "Clearing Test LLC", "5493001KJTIIGC8Y1R12", "GENERAL_CLEARING_MEMBER", "ACTIVE", null));
        fromAccountService(AccountEvents.ACCOUNT_OPENED, house, new AccountOpened(house, member, "HOUSE", "USD",
                "ACTIVE"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.backOffice())
                .get("/accounts/{id}", house).then().statusCode(200).body("acceptsBusiness", is(true)));
        // Another member's user must not learn that the account exists.
        given().auth().oauth2(TestTokens.member("OTHER" + suffix)).get("/accounts/{id}", house).then().statusCode(404);
    }

    private static <P> void fromAccountService(EventType<P> type, String key, P payload) {
        EventEnvelope event = EventEnvelope.of(type, key, 1, "account-service", payload);
        TopicProbe.publish(Topics.ACCOUNTS, key, EventCodec.encode(event));
    }
}
