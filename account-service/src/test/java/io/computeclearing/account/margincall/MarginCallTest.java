package io.computeclearing.account.margincall;

import io.computeclearing.account.Api;
import io.computeclearing.account.Feeds;
import io.computeclearing.platform.time.BusinessClock;
import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Margin calls follow the account's cover at settlement cycles: a deficit opens one, a larger deficit at a later cycle
 * raises it, restored cover (at any time) settles it, and a call left unmet past its deadline is escalated by the
 * scheduled check (the test moves the business clock to the deadline instead of waiting for it).
 */
@QuarkusTest
class MarginCallTest {

    @Inject
    DatabaseProbe db;

    @Inject
    BusinessClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void aGrowingDeficitRaisesTheOpenCallAndALowerRequirementSettlesIt() {
        String account = Api.newAccount("GROW", "USD");
        Api.deposit(account, "USD", "50000.00");
        Feeds.cycle(account, "USD", "60000.00");
        JsonPath issued = onlyCall(account);
        String callId = issued.getString("[0].id");
        assertThat(issued.getObject("[0].amount", BigDecimal.class)).isEqualTo(new BigDecimal("10000.00"));

        // requirement up to 75,000.00 at the next cycle: the deficit is 25,000.00 and the same call now asks for it, by
        // the same deadline
        Feeds.cycle(account, "USD", "75000.00");
        JsonPath raised = onlyCall(account);
        assertThat(raised.getString("[0].id")).isEqualTo(callId);
        assertThat(raised.getString("[0].status")).isEqualTo("OPEN");
        assertThat(raised.getObject("[0].amount", BigDecimal.class)).isEqualTo(new BigDecimal("25000.00"));
        assertThat(raised.getObject("[0].requirement", BigDecimal.class)).isEqualTo(new BigDecimal("75000.00"));
        assertThat(raised.getString("[0].deadline")).isEqualTo(issued.getString("[0].deadline"));
        assertThat(raised.getString("[0].amountRaisedAt")).isNotNull();
        assertThat(db.count("select count(*) from outbox_event where aggregate_id = ? and event_type = "
                + "'MarginCallIssued' and payload->>'callId' = ?", account, callId)).isEqualTo(2);
        assertThat(db.count("select count(*) from outbox_event where aggregate_id = ? and event_type = "
                + "'MarginCallIssued' and payload->>'amount' = '25000.00'", account)).isEqualTo(1);

        // a part payment leaves a deficit of 20,000.00: the call stays open for what it asked
        Api.deposit(account, "USD", "5000.00");
        JsonPath partlyMet = onlyCall(account);
        assertThat(partlyMet.getString("[0].status")).isEqualTo("OPEN");
        assertThat(partlyMet.getObject("[0].amount", BigDecimal.class)).isEqualTo(new BigDecimal("25000.00"));

        Feeds.requirement(account, "USD", "40000.00");
        Api.backOffice().get("/margin-calls/{id}", callId).then().statusCode(200)
                .body("status", equalTo("SETTLED"))
                .body("settledReason", equalTo("COVERED_BY_REQUIREMENT"));
        Api.backOffice().get("/accounts/{id}/cover", account).then()
                .body("excess", equalTo(new BigDecimal("15000.00")));
    }

    @Test
    void aCallUnmetPastItsDeadlineIsEscalatedAndStillSettlesWhenCovered() {
        String account = Api.newAccount("LATE", "USD");
        Api.deposit(account, "USD", "1000.00");
        Feeds.cycle(account, "USD", "1500.25");
        JsonPath call = onlyCall(account);
        UUID callId = UUID.fromString(call.getString("[0].id"));
        Instant deadline = Instant.parse(call.getString("[0].deadline"));
        assertThat(call.getObject("[0].amount", BigDecimal.class)).isEqualTo(new BigDecimal("500.25"));
        // five minutes to meet the call in the test configuration
        assertThat(Duration.between(Instant.parse(call.getString("[0].issuedAt")), deadline))
                .isEqualTo(Duration.ofMinutes(5));

        // the business time one second short of the deadline: the check, every second, leaves the call open
        moveClockTo(deadline.minusSeconds(1));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).untilAsserted(() ->
                Api.backOffice().get("/margin-calls/{id}", callId).then().body("status", equalTo("OPEN")));

        // the deadline itself: the next check escalates it, at the business time, not the wall-clock time
        moveClockTo(deadline);
        await().atMost(Feeds.ARRIVAL).untilAsserted(() -> Api.backOffice().get("/margin-calls/{id}", callId)
                .then().body("status", equalTo("ESCALATED")));
        Api.backOffice().get("/margin-calls/{id}", callId).then().body("escalatedAt", equalTo(deadline.toString()));
        clock.reset();

        Api.backOffice().get("/margin-calls/{id}", callId).then()
                .body("outstandingAtEscalation", equalTo(new BigDecimal("500.25")));
        assertThat(db.count("select count(*) from outbox_event where aggregate_id = ? and event_type = "
                + "'MarginCallEscalated' and payload->>'callId' = ? and payload->>'outstanding' = '500.25'",
                account, callId.toString())).isEqualTo(1);
        Api.backOffice().queryParam("status", "ESCALATED").queryParam("accountId", account).get("/margin-calls")
                .then().body("id", org.hamcrest.Matchers.contains(callId.toString()));

        Api.deposit(account, "USD", "500.25");
        Api.backOffice().get("/margin-calls/{id}", callId).then()
                .body("status", equalTo("SETTLED"))
                .body("settledReason", equalTo("COVERED_BY_DEPOSIT"));
        assertThat(db.count("select count(*) from outbox_event where aggregate_id = ? and event_type = "
                + "'MarginCallEscalated'", account)).isEqualTo(1);
    }

    @Test
    void aVariationMarginCreditThatRestoresCoverSettlesTheCall() {
        String member = Api.registerMember("VMWIN");
        String account = Api.openAccount(member, "USD");
        Api.deposit(account, "USD", "700.00");
        Feeds.cycle(account, "USD", "1000.00");
        String callId = onlyCall(account).getString("[0].id");

        Feeds.awaitApplied(db, Feeds.publish(Feeds.posting("VARIATION_MARGIN", LocalDate.parse("2026-11-24"), account,
                member, "USD", "300.00")));

        Api.backOffice().get("/margin-calls/{id}", callId).then()
                .body("status", equalTo("SETTLED"))
                .body("settledReason", equalTo("COVERED_BY_SETTLEMENT_CASH"));
    }

    @Test
    void theCallAmountIsTheDeficitRoundedUpToTheCent() {
        String account = Api.newAccount("CENT", "USD");
        Api.setFxRate("USD", "CNY", "7.10");
        Api.deposit(account, "USD", "1000.00");

        // CNY 7,100.01 / 7.10 = USD 1,000.0014..., a requirement rounded up to 1,000.01: 0.01 is missing
        Feeds.cycle(account, "CNY", "7100.01");

        JsonPath call = onlyCall(account);
        assertThat(call.getObject("[0].amount", BigDecimal.class)).isEqualTo(new BigDecimal("0.01"));
        assertThat(call.getObject("[0].requirement", BigDecimal.class)).isEqualTo(new BigDecimal("1000.01"));
        assertThat(call.getObject("[0].collateralValue", BigDecimal.class)).isEqualTo(new BigDecimal("1000.00"));
    }

    @Test
    void aNewDeficitAfterASettledCallOpensANewCall() {
        String account = Api.newAccount("AGAIN", "USD");
        Api.deposit(account, "USD", "100.00");
        Feeds.cycle(account, "USD", "150.00");
        String first = onlyCall(account).getString("[0].id");
        Api.deposit(account, "USD", "50.00");

        Feeds.cycle(account, "USD", "180.00");

        JsonPath calls = Api.backOffice().queryParam("accountId", account).get("/margin-calls").then()
                .body("$", hasSize(2)).extract().jsonPath();
        assertThat(calls.getString("[0].status")).isEqualTo("OPEN");
        assertThat(calls.getObject("[0].amount", BigDecimal.class)).isEqualTo(new BigDecimal("30.00"));
        assertThat(calls.getString("[1].id")).isEqualTo(first);
        assertThat(calls.getString("[1].status")).isEqualTo("SETTLED");
    }

    @Test
    void aMovementOnAnAccountThatCannotBeValuedIsRecordedAndKeepsTheLastAssessment() {
        // no test ever quotes EUR against USD
        String account = Api.newAccount("NOFX", "EUR");
        Api.deposit(account, "EUR", "100.00");

        Api.deposit(account, "USD", "50.00");

        assertThat(db.count("select count(*) from journal_entry where account_id = ?", account)).isEqualTo(2);
        Api.backOffice().get("/accounts/{id}/cover", account).then().statusCode(200)
                .body("collateralValue", equalTo(new BigDecimal("100.00")));
        assertThat(db.count("select count(*) from outbox_event where aggregate_id = ? and event_type = "
                + "'CollateralAssessed'", account)).isEqualTo(1);
    }

    @Test
    void anAccountNotYetAssessedHasNoCover() {
        String account = Api.newAccount("FRESH", "USD");

        Api.backOffice().get("/accounts/{id}/cover", account).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-assessed"));
    }

    @Test
    void anUnknownStatusIsRefused() {
        Api.backOffice().queryParam("status", "PAID").get("/margin-calls").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("status: must be one of [OPEN, SETTLED, ESCALATED], was PAID"));
    }

    /** Stops the service's business time at {@code instant}, as an admin of a running stack would. */
    private static void moveClockTo(Instant instant) {
        Api.as(TestTokens.admin()).body(Map.of("instant", instant.toString(), "frozen", true)).put("/clock")
                .then().statusCode(200).body("now", equalTo(instant.toString()));
    }

    private static JsonPath onlyCall(String account) {
        return Api.backOffice().queryParam("accountId", account).get("/margin-calls").then().statusCode(200)
                .body("$", hasSize(1)).extract().jsonPath();
    }
}
