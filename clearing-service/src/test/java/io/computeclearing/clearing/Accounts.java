package io.computeclearing.clearing;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.events.account.AccountEvents.AccountOpened;
import io.computeclearing.platform.events.account.AccountEvents.AccountStatusChanged;
import io.computeclearing.platform.events.account.AccountEvents.MemberRegistered;
import io.computeclearing.platform.events.account.AccountEvents.MemberStatusChanged;
import io.computeclearing.testsupport.TestTokens;
import io.computeclearing.testsupport.TopicProbe;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

/** Members and accounts as account-service would publish them; the service learns them from ccp.accounts.v1. */
public final class Accounts {

    private Accounts() {
    }

    /** Registers an active member named {@code prefix<n>}; returns its id. */
    public static String member(String prefix) {
        String member = Api.unique(prefix);
        publish(AccountEvents.MEMBER_REGISTERED, member, new MemberRegistered(member, member + " Clearing LLC",
                "5493001KJTIIGC8Y1R12", "GENERAL_CLEARING_MEMBER", "ACTIVE", null));
        return member;
    }

    /** Opens an account (HOUSE, CLIENT_OMNIBUS or CLIENT_SEGREGATED) without waiting for the service to see it. */
    public static String open(String member, String type) {
        String kind = switch (type) {
            case "HOUSE" -> "H";
            case "CLIENT_OMNIBUS" -> "O";
            default -> "S";
        };
        String account = Api.unique(member + "-" + kind);
        publish(AccountEvents.ACCOUNT_OPENED, account, new AccountOpened(account, member, type, "USD", "ACTIVE"));
        return account;
    }

    public static void suspend(String member, String account) {
        publish(AccountEvents.ACCOUNT_STATUS_CHANGED, account,
                new AccountStatusChanged(account, member, "SUSPENDED", "test"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.backOffice())
                .get("/accounts/{id}", account).then().statusCode(200).body("acceptsBusiness", is(false)));
    }

    /**
     * The member is declared in default, as account-service publishes it on risk-service's declaration; waits until
     * the service sees it on {@code account}, one of the member's accounts.
     */
    public static void defaulted(String member, String account, String reason) {
        publish(AccountEvents.MEMBER_STATUS_CHANGED, member, new MemberStatusChanged(member, "DEFAULTED", reason));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.backOffice())
                .get("/accounts/{id}", account).then().statusCode(200)
                .body("memberStatus", equalTo("DEFAULTED"), "acceptsBusiness", is(false)));
    }

    /** Waits until the service accepts business for every account. */
    public static void awaitTradable(String... accounts) {
        for (String account : accounts) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.backOffice())
                    .get("/accounts/{id}", account).then().statusCode(200).body("acceptsBusiness", is(true)));
        }
    }

    /** A new member with one tradable account of the type; returns the account id. */
    public static String tradable(String prefix, String type) {
        String account = open(member(prefix), type);
        awaitTradable(account);
        return account;
    }

    private static <P> void publish(EventType<P> type, String key, P payload) {
        TopicProbe.publish(Topics.ACCOUNTS, key, EventCodec.encode(EventEnvelope.of(type, key, 1, "account-service",
                payload)));
    }
}
