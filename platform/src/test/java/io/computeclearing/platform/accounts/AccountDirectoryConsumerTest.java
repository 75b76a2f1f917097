package io.computeclearing.platform.accounts;

import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.events.account.AccountEvents.AccountOpened;
import io.computeclearing.platform.events.account.AccountEvents.AccountStatusChanged;
import io.computeclearing.platform.events.account.AccountEvents.CollateralMovementRecorded;
import io.computeclearing.platform.events.account.AccountEvents.MemberRegistered;
import io.computeclearing.platform.events.account.AccountEvents.MemberStatusChanged;
import io.computeclearing.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.computeclearing.platform.accounts.AccountServiceRelay.publish;
import static io.computeclearing.platform.accounts.AccountServiceRelay.redeliver;
import static io.computeclearing.platform.accounts.AccountServiceRelay.uniqueId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/** The account directory, fed with real envelopes through the broker and read back over REST. */
@QuarkusTest
class AccountDirectoryConsumerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    AccountDirectoryConsumer consumer;

    @Inject
    EntityManager em;

    @Test
    void suspendingAMemberClosesAllItsAccountsToBusinessAndReinstatingReopensThem() {
        String member = uniqueId("M");
        String house = uniqueId("H-");
        String client = uniqueId("C-");
        registerMember(member);
        openAccount(house, member, "HOUSE");
        openAccount(client, member, "CLIENT_OMNIBUS");
        eventually(() -> account(house).body("acceptsBusiness", is(true), "memberStatus", equalTo("ACTIVE")));
        eventually(() -> account(client).body("acceptsBusiness", is(true)));

        publish(AccountEvents.MEMBER_STATUS_CHANGED, member,
                new MemberStatusChanged(member, "SUSPENDED", "default management"));

        eventually(() -> account(house).body("status", equalTo("ACTIVE"), "memberStatus", equalTo("SUSPENDED"),
                "acceptsBusiness", is(false)));
        eventually(() -> account(client).body("memberStatus", equalTo("SUSPENDED"), "acceptsBusiness", is(false)));

        publish(AccountEvents.MEMBER_STATUS_CHANGED, member, new MemberStatusChanged(member, "ACTIVE", "reinstated"));

        eventually(() -> account(house).body("memberStatus", equalTo("ACTIVE"), "acceptsBusiness", is(true)));
        eventually(() -> account(client).body("acceptsBusiness", is(true)));
    }

    @Test
    void accountOpenedAfterItsMemberWasSuspendedDoesNotAcceptBusiness() {
        String member = uniqueId("M");
        String account = uniqueId("H-");
        registerMember(member);
        EventEnvelope suspension = publish(AccountEvents.MEMBER_STATUS_CHANGED, member,
                new MemberStatusChanged(member, "SUSPENDED", "default management"));
        // Member and account events have different keys, so only the inbox shows that the suspension is applied.
        awaitInInbox(suspension);

        openAccount(account, member, "HOUSE");

        eventually(() -> account(account).body("status", equalTo("ACTIVE"), "memberStatus", equalTo("SUSPENDED"),
                "acceptsBusiness", is(false)));
    }

    @Test
    void aDefaultedMembersAccountsTakeNoBusinessAndOneOpenedLaterNeither() {
        String member = uniqueId("M");
        String house = uniqueId("H-");
        String later = uniqueId("C-");
        registerMember(member);
        openAccount(house, member, "HOUSE");
        eventually(() -> account(house).body("acceptsBusiness", is(true)));

        EventEnvelope declared = publish(AccountEvents.MEMBER_STATUS_CHANGED, member,
                new MemberStatusChanged(member, "DEFAULTED", "default 7: MISSED_MARGIN_CALL"));
        awaitInInbox(declared);
        openAccount(later, member, "CLIENT_SEGREGATED");

        eventually(() -> account(house).body("status", equalTo("ACTIVE"), "memberStatus", equalTo("DEFAULTED"),
                "acceptsBusiness", is(false)));
        eventually(() -> account(later).body("memberStatus", equalTo("DEFAULTED"), "acceptsBusiness", is(false)));
        KnownAccount known = QuarkusTransaction.requiringNew().call(() -> em.find(KnownAccount.class, house));
        assertThat(known.closedBecause()).isEqualTo("member " + member + " DEFAULTED");
    }

    @Test
    void accountWaitsForItsMembersRegistrationBeforeAcceptingBusiness() {
        String member = uniqueId("M");
        String account = uniqueId("H-");
        openAccount(account, member, "HOUSE");
        eventually(() -> account(account).body("memberStatus", nullValue(), "acceptsBusiness", is(false)));

        registerMember(member);

        eventually(() -> account(account).body("memberStatus", equalTo("ACTIVE"), "acceptsBusiness", is(true)));
    }

    @Test
    void redeliveredEventIsAppliedOnlyOnce() {
        String member = uniqueId("M");
        String account = uniqueId("H-");
        registerMember(member);
        openAccount(account, member, "HOUSE");
        eventually(() -> account(account).body("acceptsBusiness", is(true)));

        EventEnvelope suspended = publish(AccountEvents.ACCOUNT_STATUS_CHANGED, account,
                new AccountStatusChanged(account, member, "SUSPENDED", "margin call unmet"));
        // A suspended account takes no new business even while its member is active.
        eventually(() -> account(account).body("status", equalTo("SUSPENDED"), "memberStatus", equalTo("ACTIVE"),
                "acceptsBusiness", is(false)));
        publish(AccountEvents.ACCOUNT_STATUS_CHANGED, account,
                new AccountStatusChanged(account, member, "ACTIVE", "margin call met"));
        eventually(() -> account(account).body("status", equalTo("ACTIVE"), "acceptsBusiness", is(true)));

        // The relay publishes the suspension again, byte for byte, as after a crash before it marked it published.
        redeliver(suspended);
        // A collateral movement, a type the directory does not accept, is passed over without an inbox record.
        EventEnvelope movement = publish(AccountEvents.COLLATERAL_MOVEMENT_RECORDED, account,
                new CollateralMovementRecorded(UUID.randomUUID().toString(), account, member, "DEPOSIT", "USD",
                        new BigDecimal("250000.00"), Instant.now()));
        // A later event with the same key is consumed after both; once it is in the inbox, they have been handled.
        EventEnvelope marker = publish(AccountEvents.ACCOUNT_STATUS_CHANGED, account,
                new AccountStatusChanged(account, member, "ACTIVE", "margin call met"));
        awaitInInbox(marker);

        account(account).body("status", equalTo("ACTIVE"), "acceptsBusiness", is(true));
        assertThat(inboxRecords(suspended)).isEqualTo(1);
        assertThat(inboxRecords(movement)).isZero();
    }

    @Test
    void accountOpenedAgainByADifferentEventKeepsItsFirstTypeAndCurrency() {
        String member = uniqueId("M");
        String account = uniqueId("H-");
        openAccount(account, member, "HOUSE");
        EventEnvelope reopened = publish(AccountEvents.ACCOUNT_OPENED, account,
                new AccountOpened(account, member, "CLIENT_OMNIBUS", "CNY", "ACTIVE"));
        awaitInInbox(reopened);

        account(account).body("accountType", equalTo("HOUSE"), "baseCurrency", equalTo("USD"));
    }

    @Test
    void statusChangeOfAnAccountNeverOpenedHereIsIgnored() {
        String account = uniqueId("X-");
        EventEnvelope orphan = publish(AccountEvents.ACCOUNT_STATUS_CHANGED, account,
                new AccountStatusChanged(account, uniqueId("M"), "SUSPENDED", "margin call unmet"));
        awaitInInbox(orphan);

        given().auth().oauth2(TestTokens.backOffice()).get("/accounts/{id}", account).then().statusCode(404);
    }

    private static void registerMember(String member) {
        publish(AccountEvents.MEMBER_REGISTERED, member, new MemberRegistered(member, member + " Clearing LLC",
                "5493001KJTIIGC8Y1R12", "GENERAL_CLEARING_MEMBER", "ACTIVE", null));
    }

    private static void openAccount(String account, String member, String accountType) {
        publish(AccountEvents.ACCOUNT_OPENED, account,
                new AccountOpened(account, member, accountType, "USD", "ACTIVE"));
    }

    private static ValidatableResponse account(String id) {
        return given().auth().oauth2(TestTokens.backOffice()).get("/accounts/{id}", id).then().statusCode(200);
    }

    private static void eventually(ThrowingRunnable assertion) {
        await().atMost(PATIENCE).untilAsserted(assertion);
    }

    private void awaitInInbox(EventEnvelope event) {
        await().atMost(PATIENCE).until(() -> inboxRecords(event) == 1);
    }

    private long inboxRecords(EventEnvelope event) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from inbox_event where consumer = :consumer and event_id = :id")
                .setParameter("consumer", consumer.inboxConsumer())
                .setParameter("id", event.id())
                .getSingleResult()).longValue());
    }
}
