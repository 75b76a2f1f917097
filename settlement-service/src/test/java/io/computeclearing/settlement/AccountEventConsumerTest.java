package io.computeclearing.settlement;

import io.computeclearing.settlement.messaging.AccountEventConsumer;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.events.account.AccountEvents.AccountOpened;
import io.computeclearing.platform.events.account.AccountEvents.AccountStatusChanged;
import io.computeclearing.platform.events.account.AccountEvents.CollateralMovementRecorded;
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

import static io.computeclearing.settlement.AccountEventFeed.publish;
import static io.computeclearing.settlement.AccountEventFeed.redeliver;
import static io.computeclearing.settlement.AccountEventFeed.uniqueId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** The settlement account projection, fed with real envelopes through the broker and read back over REST. */
@QuarkusTest
class AccountEventConsumerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    DataSource dataSource;

    @Test
    void openedAccountIsKeptWithTheCurrencyItsStatementIsValuedIn() {
        String member = uniqueId("M");
        String account = uniqueId("C-");

        publish(AccountEvents.ACCOUNT_OPENED, account,
                new AccountOpened(account, member, "CLIENT_OMNIBUS", "CNY", "ACTIVE"));

        eventually(() -> account(account).body("memberId", equalTo(member), "baseCurrency", equalTo("CNY"),
                "status", equalTo("ACTIVE"), "accountType", nullValue()));
    }

    @Test
    void redeliveredStatusChangeIsAppliedOnlyOnce() throws Exception {
        String member = uniqueId("M");
        String account = uniqueId("H-");
        publish(AccountEvents.ACCOUNT_OPENED, account, new AccountOpened(account, member, "HOUSE", "USD", "ACTIVE"));
        EventEnvelope suspended = publish(AccountEvents.ACCOUNT_STATUS_CHANGED, account,
                new AccountStatusChanged(account, member, "SUSPENDED", "margin call unmet"));
        eventually(() -> account(account).body("status", equalTo("SUSPENDED")));
        publish(AccountEvents.ACCOUNT_STATUS_CHANGED, account,
                new AccountStatusChanged(account, member, "ACTIVE", "margin call met"));
        eventually(() -> account(account).body("status", equalTo("ACTIVE")));

        redeliver(suspended);
        // Same key, so consumed after the redelivery: once this is in the inbox, the redelivery has been handled.
        EventEnvelope marker = publish(AccountEvents.COLLATERAL_MOVEMENT_RECORDED, account,
                new CollateralMovementRecorded(UUID.randomUUID().toString(), account, member, "DEPOSIT", "USD",
                        new BigDecimal("100000.00"), Instant.now()));
        await().atMost(PATIENCE).until(() -> inboxRecords(marker.id()) == 1);

        account(account).body("status", equalTo("ACTIVE"));
        assertThat(inboxRecords(suspended.id())).isEqualTo(1);
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
