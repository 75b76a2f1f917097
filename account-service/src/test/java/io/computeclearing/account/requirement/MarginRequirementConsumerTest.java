package io.computeclearing.account.requirement;

import io.computeclearing.account.Api;
import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.margin.MarginEvents;
import io.computeclearing.platform.events.margin.MarginEvents.CurrencyRequirement;
import io.computeclearing.platform.events.margin.MarginEvents.MarginRequirementCalculated;
import io.computeclearing.testsupport.TestTokens;
import io.computeclearing.testsupport.TopicProbe;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Requirements arrive from margin-service over Kafka; withdrawals may then only take the excess. */
@QuarkusTest
class MarginRequirementConsumerTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(30);

    @Inject
    DatabaseProbe db;

    @Test
    void withdrawalBeyondExcessIsRefusedAndWritesNothing() {
        String account = Api.newAccount("ALPHA", "USD");
        Api.deposit(account, "USD", "1000000.00");
        Instant calculatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);

        publish(UUID.randomUUID(), account, calculatedAt, "USD", "600000.00");
        awaitInitialMargin(account, "600000.00");

        Api.backOffice().get("/accounts/{id}/balances", account).then()
                .body("requirementCalculatedAt", equalTo(calculatedAt.toString()))
                .body("marginRequirement", equalTo(new BigDecimal("600000.00")))
                .body("excess", equalTo(new BigDecimal("400000.00")));
        Api.withdrawCash(account, Api.idempotencyKey(), "USD", "400000.01").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/insufficient-excess-collateral"))
                .body("detail", equalTo("withdrawing 400000.01 USD would remove collateral value of USD 400000.01 "
                        + "after haircuts, but the excess collateral available is USD 400000.00 (collateral value "
                        + "USD 1000000.00, margin requirement USD 600000.00); withdraw at most the excess"));
        assertThat(db.count("select count(*) from journal_entry where account_id = ?", account)).isEqualTo(1);

        Api.withdrawCash(account, Api.idempotencyKey(), "USD", "400000.00").then().statusCode(201);
        Api.backOffice().get("/accounts/{id}/balances", account).then()
                .body("collateralValue", equalTo(new BigDecimal("600000.00")))
                .body("excess", equalTo(new BigDecimal("0.00")));
    }

    @Test
    void securitiesWithdrawalIsMeasuredByItsValueAfterHaircut() {
        String account = Api.newAccount("BRAVO", "USD");
        String bond = Api.unique("US912828RR");
        Api.defineSecurity(bond, "GOVERNMENT_BOND", "USD", "98.50");
        Api.moveSecurity(account, "deposits", Api.idempotencyKey(), bond, "1000000").then().statusCode(201);

        // collateral 945,600.00 (see SecuritiesCollateralTest) less a requirement of 900,000.00: excess 45,600.00
        publish(UUID.randomUUID(), account, Instant.now(), "USD", "900000.00");
        awaitInitialMargin(account, "900000.00");

        // 50,000 nominal x 0.985 x 0.96 = 47,280.00 of collateral value: more than the excess
        Api.moveSecurity(account, "withdrawals", Api.idempotencyKey(), bond, "50000").then().statusCode(422)
                .body("type", equalTo("/problems/insufficient-excess-collateral"))
                .body("detail", containsString(
                        "collateral value of USD 47280.00 after haircuts, but the excess collateral available is "
                                + "USD 45600.00"));
        // 40,000 nominal = 37,824.00: fits, leaving 7,776.00
        Api.moveSecurity(account, "withdrawals", Api.idempotencyKey(), bond, "40000").then().statusCode(201);
        Api.backOffice().get("/accounts/{id}/balances", account).then()
                .body("excess", equalTo(new BigDecimal("7776.00")));
    }

    @Test
    void aRequirementInAnotherCurrencyIsConvertedRoundingUp() {
        String account = Api.newAccount("CHARLIE", "USD");
        Api.deposit(account, "USD", "20000.00");
        Api.setFxRate("USD", "CNY", "7.10");

        publish(UUID.randomUUID(), account, Instant.now(), "CNY", "100000.00");
        awaitInitialMargin(account, "100000.00");

        // CNY 100,000.00 / 7.10 = 14,084.5070... USD, rounded up: 14,084.51; excess 20,000.00 - 14,084.51
        Api.backOffice().get("/accounts/{id}/balances", account).then().statusCode(200)
                .body("requirements[0].currency", equalTo("CNY"))
                .body("requirements[0].initialMarginInBaseCurrency", equalTo(new BigDecimal("14084.51")))
                .body("marginRequirement", equalTo(new BigDecimal("14084.51")))
                .body("excess", equalTo(new BigDecimal("5915.49")));
    }

    @Test
    void redeliveredEventIsAppliedOnce() {
        String account = Api.newAccount("DELTA", "USD");
        UUID eventId = UUID.randomUUID();
        Instant calculatedAt = Instant.now().minus(1, ChronoUnit.MINUTES);

        publish(eventId, account, calculatedAt, "USD", "500000.00");
        publish(eventId, account, calculatedAt, "USD", "500000.00");
        awaitInitialMargin(account, "500000.00");
        // A redelivery carries the same event id. To make a second application visible, this copy claims a newer
        // calculation: only the inbox can stop it.
        publish(eventId, account, Instant.now(), "USD", "999999.00");
        // Same key, same partition: once this later event is in the inbox, the copy before it was handled too.
        UUID marker = UUID.randomUUID();
        publish(marker, account, calculatedAt.minus(1, ChronoUnit.HOURS), "USD", "1.00");
        awaitInInbox(marker);

        assertThat(db.count("select count(*) from inbox_event where event_id = ?", eventId)).isEqualTo(1);
        Api.backOffice().get("/accounts/{id}/margin-requirement", account).then()
                .body("requirements[0].initialMargin", equalTo(new BigDecimal("500000.00")));
    }

    @Test
    void olderCalculationArrivingLateIsIgnored() {
        String account = Api.newAccount("ECHO", "USD");
        Instant newer = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant older = newer.minus(10, ChronoUnit.MINUTES);

        publish(UUID.randomUUID(), account, newer, "USD", "700000.00");
        awaitInitialMargin(account, "700000.00");
        UUID late = UUID.randomUUID();
        publish(late, account, older, "USD", "100000.00");
        awaitInInbox(late);

        Api.backOffice().get("/accounts/{id}/margin-requirement", account).then()
                .body("calculatedAt", equalTo(newer.toString()))
                .body("requirements[0].initialMargin", equalTo(new BigDecimal("700000.00")));
    }

    @Test
    void aNewerCalculationReplacesEveryCurrencyLine() {
        String account = Api.newAccount("FOXTROT", "CNY");
        Instant first = Instant.now().minus(1, ChronoUnit.MINUTES);

        publish(UUID.randomUUID(), account, first, "USD", "1000.00");
        awaitInitialMargin(account, "1000.00");
        publish(UUID.randomUUID(), account, Instant.now(), "CNY", "7100.00");
        awaitInitialMargin(account, "7100.00");

        Api.backOffice().get("/accounts/{id}/margin-requirement", account).then()
                .body("requirements.currency", contains("CNY"));
    }

    @Test
    void unreadableRecordsParkTheAccountWhileOtherAccountsGoOn() {
        String account = Api.newAccount("GOLF", "USD");
        String other = Api.newAccount("HOTEL", "USD");

        TopicProbe.publish(Topics.MARGIN_REQUIREMENTS, account, "this is not an event");
        TopicProbe.publish(Topics.MARGIN_REQUIREMENTS, account, EventCodec.encode(new EventEnvelope(UUID.randomUUID(),
                MarginEvents.MARGIN_REQUIREMENT_CALCULATED.name(), 1, "account", account, 1, "margin-service",
                Instant.now(), EventCodec.parseTree("{\"accountId\":\"" + account + "\",\"requirements\":\"x\"}"))));
        publish(UUID.randomUUID(), account, Instant.now(), "USD", "42.00");
        publish(UUID.randomUUID(), other, Instant.now(), "USD", "7.00");

        // Neither record is skipped: both park, the account's next requirement waits behind them, others go on.
        awaitInitialMargin(other, "7.00");
        await().atMost(ARRIVAL).until(() -> parked(account).size() == 3);
        List<Integer> ids = parked(account);
        assertThat(db.count("select count(*) from parked_event where aggregate_id = ? and reason like 'behind%'",
                account)).isEqualTo(2);

        // The unreadable record is given up; the replay meets the record that breaks the contract and stops there.
        discard(ids.get(0));
        replay(account).body("replayed", equalTo(0)).body("stillParked", equalTo(2))
                .body("failure", containsString("does not match its contract"));
        // Given up too, with a reason: the replay applies the requirement behind them.
        discard(ids.get(1));
        replay(account).body("replayed", equalTo(1)).body("stillParked", equalTo(0));
        awaitInitialMargin(account, "42.00");
    }

    private static void discard(int id) {
        Api.as(TestTokens.admin()).contentType(ContentType.JSON).body("{\"reason\": \"broken record\"}")
                .post("/parked-events/{id}/discard", id).then().statusCode(200);
    }

    private static ValidatableResponse replay(String account) {
        return Api.as(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"consumer\": \"" + MarginRequirementConsumer.INBOX_CONSUMER + "\", \"aggregateId\": \""
                        + account + "\"}")
                .post("/parked-events/replay").then().statusCode(200);
    }

    private static List<Integer> parked(String account) {
        return Api.as(TestTokens.admin()).queryParam("consumer", MarginRequirementConsumer.INBOX_CONSUMER)
                .queryParam("aggregateId", account).queryParam("status", "PARKED")
                .get("/parked-events").then().statusCode(200).extract().jsonPath().getList("id", Integer.class);
    }

    /** A MarginRequirementCalculated event as margin-service would publish it, keyed by account id. */
    private static void publish(UUID eventId, String account, Instant calculatedAt, String currency,
                                String initialMargin) {
        BigDecimal initial = new BigDecimal(initialMargin);
        // maintenance is the SPAN result; initial = maintenance x 1.10 for speculators, so maintenance = initial / 1.1
        BigDecimal maintenance = initial.divide(new BigDecimal("1.1"), 2, RoundingMode.CEILING);
        MarginRequirementCalculated payload = new MarginRequirementCalculated(account, calculatedAt,
                List.of(new CurrencyRequirement(currency, initial, maintenance)), List.of());
        EventEnvelope envelope = new EventEnvelope(eventId, MarginEvents.MARGIN_REQUIREMENT_CALCULATED.name(),
                MarginEvents.MARGIN_REQUIREMENT_CALCULATED.schemaVersion(), "account", account, 1, "margin-service",
                Instant.now(), EventCodec.toTree(payload));
        TopicProbe.publish(Topics.MARGIN_REQUIREMENTS, account, EventCodec.encode(envelope));
    }

    private static void awaitInitialMargin(String account, String initialMargin) {
        await().atMost(ARRIVAL).untilAsserted(() -> Api.backOffice()
                .get("/accounts/{id}/margin-requirement", account).then().statusCode(200)
                .body("requirements[0].initialMargin", equalTo(new BigDecimal(initialMargin))));
    }

    private void awaitInInbox(UUID eventId) {
        await().atMost(ARRIVAL).until(() -> db.count("select count(*) from inbox_event where consumer = ? and "
                + "event_id = ?", MarginRequirementConsumer.INBOX_CONSUMER, eventId) == 1);
    }
}
