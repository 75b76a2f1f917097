package io.computeclearing.clearing;

import io.computeclearing.clearing.messaging.AccountEventConsumer;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.events.account.AccountEvents.AccountOpened;
import io.computeclearing.platform.events.account.AccountEvents.AccountStatusChanged;
import io.computeclearing.platform.events.account.AccountEvents.CollateralMovementRecorded;
import io.computeclearing.platform.events.account.AccountEvents.MemberRegistered;
import io.computeclearing.platform.events.account.AccountEvents.MemberStatusChanged;
import io.computeclearing.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.computeclearing.clearing.AccountEventFeed.publish;
import static io.computeclearing.clearing.AccountEventFeed.redeliver;
import static io.computeclearing.clearing.AccountEventFeed.uniqueId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/** The clearing account projection, fed with real envelopes through the broker and read back over REST. */
@QuarkusTest
class AccountEventConsumerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    DataSource dataSource;

    @Test
    void accountStopsAcceptingTradesWhileItsMemberIsSuspended() {
        String member = uniqueId("M");
        String house = uniqueId("H-");
        String client = uniqueId("C-");
        registerMember(member);
        openAccount(house, member, "HOUSE");
        openAccount(client, member, "CLIENT_OMNIBUS");
        eventually(() -> account(house).body("acceptsTrades", is(true), "memberStatus", equalTo("ACTIVE")));
        eventually(() -> account(client).body("acceptsTrades", is(true)));

        publish(AccountEvents.MEMBER_STATUS_CHANGED, member,
                new MemberStatusChanged(member, "SUSPENDED", "default management"));

        eventually(() -> account(house).body("status", equalTo("ACTIVE"), "memberStatus", equalTo("SUSPENDED"),
                "acceptsTrades", is(false)));
        eventually(() -> account(client).body("memberStatus", equalTo("SUSPENDED"), "acceptsTrades", is(false)));

        publish(AccountEvents.MEMBER_STATUS_CHANGED, member, new MemberStatusChanged(member, "ACTIVE", "reinstated"));

        eventually(() -> account(house).body("memberStatus", equalTo("ACTIVE"), "acceptsTrades", is(true)));
        eventually(() -> account(client).body("acceptsTrades", is(true)));
    }

    @Test
    void accountOpenedAfterItsMemberWasSuspendedDoesNotAcceptTrades() throws Exception {
        String member = uniqueId("M");
        String account = uniqueId("H-");
        registerMember(member);
        EventEnvelope suspension = publish(AccountEvents.MEMBER_STATUS_CHANGED, member,
                new MemberStatusChanged(member, "SUSPENDED", "default management"));
        // Member and account events have different keys, so only the inbox shows that the suspension is applied.
        await().atMost(PATIENCE).until(() -> inboxRecords(suspension.id()) == 1);

        openAccount(account, member, "HOUSE");

        eventually(() -> account(account).body("status", equalTo("ACTIVE"), "memberStatus", equalTo("SUSPENDED"),
                "acceptsTrades", is(false)));
    }

    @Test
    void accountWaitsForItsMembersRegistrationBeforeAcceptingTrades() {
        String member = uniqueId("M");
        String account = uniqueId("H-");
        openAccount(account, member, "HOUSE");
        eventually(() -> account(account).body("memberStatus", nullValue(), "acceptsTrades", is(false)));

        registerMember(member);

        eventually(() -> account(account).body("memberStatus", equalTo("ACTIVE"), "acceptsTrades", is(true)));
    }

    @Test
    void redeliveredEventIsAppliedOnlyOnce() throws Exception {
        String member = uniqueId("M");
        String account = uniqueId("H-");
        registerMember(member);
        openAccount(account, member, "HOUSE");
        eventually(() -> account(account).body("acceptsTrades", is(true)));

        EventEnvelope suspended = publish(AccountEvents.ACCOUNT_STATUS_CHANGED, account,
                new AccountStatusChanged(account, member, "SUSPENDED", "margin call unmet"));
        eventually(() -> account(account).body("status", equalTo("SUSPENDED"), "acceptsTrades", is(false)));
        publish(AccountEvents.ACCOUNT_STATUS_CHANGED, account,
                new AccountStatusChanged(account, member, "ACTIVE", "margin call met"));
        eventually(() -> account(account).body("status", equalTo("ACTIVE"), "acceptsTrades", is(true)));

        // The relay publishes the suspension again, byte for byte, as after a crash before it marked it published.
        redeliver(suspended);
        // A later event with the same key is consumed after the redelivery; once it is in the inbox, the redelivery
        // has been handled. A collateral movement also shows that ignored event types are still recorded.
        EventEnvelope marker = publish(AccountEvents.COLLATERAL_MOVEMENT_RECORDED, account,
                new CollateralMovementRecorded(UUID.randomUUID().toString(), account, member, "DEPOSIT", "USD",
                        new BigDecimal("250000.00"), Instant.now()));
        await().atMost(PATIENCE).until(() -> inboxRecords(marker.id()) == 1);

        account(account).body("status", equalTo("ACTIVE"), "acceptsTrades", is(true));
        assertThat(inboxRecords(suspended.id())).isEqualTo(1);
    }

    private static void registerMember(String member) {
        publish(AccountEvents.MEMBER_REGISTERED, member, new MemberRegistered(member, member + " Clearing LLC",
                "5493001KJTIIGC8Y1R12", "GENERAL_CLEARING_MEMBER", "ACTIVE"));
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

    private long inboxRecords(UUID eventId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select count(*) from inbox_event where consumer = ? and event_id = ?")) {
            query.setString(1, AccountEventConsumer.CONSUMER_NAME);
            query.setObject(2, eventId);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
