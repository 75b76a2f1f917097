package io.computeclearing.account.settlement;

import io.computeclearing.account.Api;
import io.computeclearing.account.Feeds;
import io.computeclearing.platform.events.settlement.SettlementEvents.SettlementCashPosted;
import io.computeclearing.testsupport.DatabaseProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Variation margin and final settlement cash from settlement-service, booked into the collateral journal against the
 * CCP's settlement account, with the cover assessments and margin calls that follow.
 */
@QuarkusTest
class SettlementCashTest {

    private static final LocalDate BUSINESS_DATE = LocalDate.parse("2026-11-24");

    @Inject
    DatabaseProbe db;

    @Inject
    SettlementCash settlementCash;

    @Test
    void variationMarginDebitTakesCashBelowZeroAndTheMarginCallItOpensIsSettledByADeposit() {
        String member = Api.registerMember("VMPAY");
        String account = Api.openAccount(member, "USD");
        String bond = Api.unique("US91282CVM");
        Api.defineSecurity(bond, "GOVERNMENT_BOND", "USD", "98.50");
        Api.moveSecurity(account, "deposits", Api.idempotencyKey(), bond, "100000").then().statusCode(201);
        // bond: 100,000 nominal x 98.50 / 100 = 98,500.00, less the 4% haircut = 94,560.00; excess 14,560.00
        // the end-of-day cycle: margin-service's requirement at its prices, the debit, then the cycle's close
        String cycleId = BUSINESS_DATE + "/END_OF_DAY";
        Feeds.requirement(account, "USD", "80000.00", cycleId);
        SettlementCashPosted debit = Feeds.posting("VARIATION_MARGIN", BUSINESS_DATE, account, member, "USD",
                "-20000.00");
        Feeds.awaitApplied(db, Feeds.publish(debit));

        // cash -20,000.00 counts in full: 94,560.00 - 20,000.00 = 74,560.00 against 80,000.00, a deficit of 5,440.00
        Api.backOffice().get("/accounts/{id}/balances", account).then().statusCode(200)
                .body("holdings.asset", contains("USD", bond))
                .body("holdings[0].quantity", equalTo(new BigDecimal("-20000.00")))
                .body("holdings[0].collateralValueInBaseCurrency", equalTo(new BigDecimal("-20000.00")))
                .body("collateralValue", equalTo(new BigDecimal("74560.00")))
                .body("excess", equalTo(new BigDecimal("-5440.00")));
        Api.backOffice().get("/accounts/{id}/cover", account).then().statusCode(200)
                .body("collateralValue", equalTo(new BigDecimal("74560.00")))
                .body("requirement", equalTo(new BigDecimal("80000.00")))
                .body("excess", equalTo(new BigDecimal("-5440.00")))
                .body("cause", equalTo("SETTLEMENT_CASH"));
        JsonPath journal = Api.backOffice().get("/accounts/{id}/journal", account).then().statusCode(200)
                .extract().jsonPath();
        assertThat(journal.getString("entries[0].kind")).isEqualTo("VARIATION_MARGIN");
        assertThat(journal.getString("entries[0].createdBy")).isEqualTo("settlement-service");
        assertThat(journal.getList("entries[0].postings.book")).containsExactly("MEMBER_COLLATERAL", "CCP_SETTLEMENT");
        assertThat(journal.getList("entries[0].postings.quantity", BigDecimal.class))
                .containsExactly(new BigDecimal("-20000.00"), new BigDecimal("20000.00"));
        assertThat(events(account, "CollateralMovementRecorded",
                "payload->>'movement' = 'VARIATION_MARGIN_PAID' and payload->>'asset' = 'USD' "
                        + "and payload->>'quantity' = '20000.00'")).isEqualTo(1);

        // no call until the cycle is closed for the account, and no deficit report: the cycle's snapshot decides
        Api.backOffice().queryParam("accountId", account).get("/margin-calls").then().body("$", hasSize(0));
        assertThat(events(account, "MarginDeficitDetected", "true")).isZero();
        Feeds.closeCycle(cycleId, account, member, List.of(debit.postingId()));
        Feeds.awaitCycleDecided(account, cycleId);

        JsonPath call = Api.backOffice().queryParam("accountId", account).get("/margin-calls").then()
                .statusCode(200).body("$", hasSize(1)).extract().jsonPath();
        assertThat(call.getString("[0].cycleId")).isEqualTo(cycleId);
        String callId = call.getString("[0].id");
        assertThat(call.getString("[0].status")).isEqualTo("OPEN");
        assertThat(call.getString("[0].memberId")).isEqualTo(member);
        assertThat(call.getString("[0].currency")).isEqualTo("USD");
        assertThat(call.getObject("[0].amount", BigDecimal.class)).isEqualTo(new BigDecimal("5440.00"));
        // the test configuration gives a member five minutes to meet a call
        assertThat(Duration.between(Instant.parse(call.getString("[0].issuedAt")),
                Instant.parse(call.getString("[0].deadline")))).isEqualTo(Duration.ofMinutes(5));
        assertThat(events(account, "MarginCallIssued", "payload->>'callId' = '" + callId
                + "' and payload->>'amount' = '5440.00' and payload->>'requirement' = '80000.00'"
                + " and payload->>'collateralValue' = '74560.00'")).isEqualTo(1);
        assertThat(events(account, "CollateralAssessed", "payload->>'excess' = '-5440.00'")).isEqualTo(1);

        // 5,440.00 of cash brings the cash to -14,560.00 and the collateral to exactly the requirement
        Api.deposit(account, "USD", "5440.00");

        Api.backOffice().get("/margin-calls/{id}", callId).then().statusCode(200)
                .body("status", equalTo("SETTLED"))
                .body("settledReason", equalTo("COVERED_BY_DEPOSIT"));
        Api.backOffice().get("/accounts/{id}/cover", account).then()
                .body("collateralValue", equalTo(new BigDecimal("80000.00")))
                .body("excess", equalTo(new BigDecimal("0.00")))
                .body("cause", equalTo("DEPOSIT"));
        assertThat(events(account, "MarginCallSettled", "payload->>'callId' = '" + callId
                + "' and payload->>'reason' = 'COVERED_BY_DEPOSIT' and payload->>'amount' = '5440.00'"))
                .isEqualTo(1);
    }

    @Test
    void aPostingIsBookedOnceWhetherTheEventIsRedeliveredOrRepublished() {
        String member = Api.registerMember("DUP");
        String account = Api.openAccount(member, "USD");
        SettlementCashPosted posting = Feeds.posting("VARIATION_MARGIN", BUSINESS_DATE, account, member, "USD",
                "1234.56");

        UUID first = Feeds.publish(posting);
        Feeds.publish(first, posting);
        // settlement-service running the day again: the same posting in an event with a new id
        UUID republished = Feeds.publish(posting);
        Feeds.awaitApplied(db, republished);

        assertThat(db.count("select count(*) from settlement_posting where posting_id = ?", posting.postingId()))
                .isEqualTo(1);
        assertThat(db.count("select count(*) from journal_entry where account_id = ?", account)).isEqualTo(1);
        assertThat(events(account, "CollateralMovementRecorded",
                "payload->>'movement' = 'VARIATION_MARGIN_RECEIVED'")).isEqualTo(1);
        Api.backOffice().get("/accounts/{id}/balances", account).then()
                .body("holdings[0].quantity", equalTo(new BigDecimal("1234.56")));
    }

    @Test
    void theCcpSettlementAccountNetsToZeroOnceEveryAccountsPostingIsBooked() {
        String winner = Api.registerMember("WIN");
        String loser = Api.registerMember("LOSE");
        String third = Api.registerMember("THIRD");
        String winnerAccount = Api.openAccount(winner, "USD");
        String loserAccount = Api.openAccount(loser, "USD");
        String thirdAccount = Api.openAccount(third, "USD");
        Api.deposit(loserAccount, "USD", "50000.00");
        Api.deposit(thirdAccount, "USD", "50000.00");
        List<String> accounts = List.of(winnerAccount, loserAccount, thirdAccount);

        Feeds.awaitApplied(db, Feeds.publish(
                Feeds.posting("VARIATION_MARGIN", BUSINESS_DATE, winnerAccount, winner, "USD", "12345.67")));
        Feeds.awaitApplied(db, Feeds.publish(
                Feeds.posting("VARIATION_MARGIN", BUSINESS_DATE, loserAccount, loser, "USD", "-10000.00")));
        // 12,345.67 paid out, 10,000.00 collected: the CCP is short 2,345.67 until the third account is booked
        assertThat(unbalancedSettlementCurrencies(accounts)).isEqualTo(1);

        Feeds.awaitApplied(db, Feeds.publish(
                Feeds.posting("VARIATION_MARGIN", BUSINESS_DATE, thirdAccount, third, "USD", "-2345.67")));

        assertThat(unbalancedSettlementCurrencies(accounts)).isZero();
        assertThat(db.count("""
                select count(*) from journal_posting p join settlement_posting s on s.entry_id = p.entry_id
                where p.book = 'CCP_SETTLEMENT' and s.account_id in (?, ?, ?)""",
                winnerAccount, loserAccount, thirdAccount)).isEqualTo(3);
        Api.backOffice().get("/accounts/{id}/balances", winnerAccount).then()
                .body("holdings[0].quantity", equalTo(new BigDecimal("12345.67")));
        Api.backOffice().get("/accounts/{id}/balances", loserAccount).then()
                .body("holdings[0].quantity", equalTo(new BigDecimal("40000.00")));
        Api.backOffice().get("/accounts/{id}/balances", thirdAccount).then()
                .body("holdings[0].quantity", equalTo(new BigDecimal("47654.33")));
    }

    @Test
    void finalSettlementIsBookedAsFinalSettlementCash() {
        String longMember = Api.registerMember("FSLONG");
        String shortMember = Api.registerMember("FSSHORT");
        String longAccount = Api.openAccount(longMember, "CNY");
        String shortAccount = Api.openAccount(shortMember, "CNY");
        Api.deposit(shortAccount, "CNY", "10000.00");

        Feeds.awaitApplied(db, Feeds.publish(
                Feeds.posting("FINAL_SETTLEMENT", BUSINESS_DATE, longAccount, longMember, "CNY", "2500.00")));
        Feeds.awaitApplied(db, Feeds.publish(
                Feeds.posting("FINAL_SETTLEMENT", BUSINESS_DATE, shortAccount, shortMember, "CNY", "-2500.00")));

        Api.backOffice().get("/accounts/{id}/journal", longAccount).then()
                .body("entries.kind", contains("FINAL_SETTLEMENT"))
                .body("entries[0].reference", equalTo("FINAL_SETTLEMENT 2026-11-24 CNY (settlement posting "
                        + "FINAL_SETTLEMENT:2026-11-24:" + longAccount + ":CNY)"));
        assertThat(events(longAccount, "CollateralMovementRecorded",
                "payload->>'movement' = 'FINAL_SETTLEMENT_RECEIVED' and payload->>'quantity' = '2500.00'"))
                .isEqualTo(1);
        assertThat(events(shortAccount, "CollateralMovementRecorded",
                "payload->>'movement' = 'FINAL_SETTLEMENT_PAID' and payload->>'quantity' = '2500.00'"))
                .isEqualTo(1);
        Api.backOffice().get("/accounts/{id}/cover", shortAccount).then()
                .body("collateralValue", equalTo(new BigDecimal("7500.00")))
                .body("excess", equalTo(new BigDecimal("7500.00")));
        assertThat(unbalancedSettlementCurrencies(List.of(longAccount, shortAccount))).isZero();
    }

    @Test
    void owedCashInAnotherCurrencyCountsInFullWithoutTheFxHaircut() {
        String member = Api.registerMember("OWECNY");
        String account = Api.openAccount(member, "USD");
        Api.setFxRate("USD", "CNY", "7.10");
        Api.deposit(account, "USD", "10000.00");

        Feeds.awaitApplied(db, Feeds.publish(
                Feeds.posting("VARIATION_MARGIN", BUSINESS_DATE, account, member, "CNY", "-7100.00")));

        // CNY -7,100.00 / 7.10 = USD -1,000.00, no 8% haircut on a debt: 10,000.00 - 1,000.00
        Api.backOffice().get("/accounts/{id}/balances", account).then().statusCode(200)
                .body("holdings[0].asset", equalTo("CNY"))
                .body("holdings[0].fxHaircut", equalTo(0))
                .body("holdings[0].collateralValueInBaseCurrency", equalTo(new BigDecimal("-1000.00")))
                .body("collateralValue", equalTo(new BigDecimal("9000.00")));
        Api.backOffice().get("/accounts/{id}/cover", account).then()
                .body("excess", equalTo(new BigDecimal("9000.00")));
        // nothing was called: there is no requirement and the collateral is positive
        Api.backOffice().queryParam("accountId", account).get("/margin-calls").then().body("$", hasSize(0));
    }

    @Test
    void unpaidVariationMarginCannotBeWithdrawnAgainst() {
        String member = Api.registerMember("NOWD");
        String account = Api.openAccount(member, "USD");
        Api.setFxRate("USD", "CNY", "7.10");
        Api.deposit(account, "USD", "500.00");
        Feeds.awaitApplied(db, Feeds.publish(
                Feeds.posting("VARIATION_MARGIN", BUSINESS_DATE, account, member, "CNY", "-710.00")));

        // USD 500.00 held, CNY 710.00 (USD 100.00) owed and no requirement: only 400.00 may leave
        Api.withdrawCash(account, Api.idempotencyKey(), "USD", "400.01").then().statusCode(422)
                .body("type", equalTo("/problems/insufficient-excess-collateral"));
        Api.withdrawCash(account, Api.idempotencyKey(), "USD", "400.00").then().statusCode(201);
    }

    @Test
    void aZeroPostingIsRecordedButMovesNoCash() {
        String member = Api.registerMember("ZERO");
        String account = Api.openAccount(member, "USD");
        SettlementCashPosted posting = Feeds.posting("VARIATION_MARGIN", BUSINESS_DATE, account, member, "USD",
                "0.00");

        Feeds.awaitApplied(db, Feeds.publish(posting));

        assertThat(db.count("select count(*) from settlement_posting where posting_id = ? and entry_id is null",
                posting.postingId())).isEqualTo(1);
        assertThat(db.count("select count(*) from journal_entry where account_id = ?", account)).isZero();
    }

    @Test
    void aPostingIdArrivingAgainWithOtherContentIsRefusedAndTheFirstBookingStands() {
        String member = Api.registerMember("CHANGED");
        String account = Api.openAccount(member, "USD");
        SettlementCashPosted posting = Feeds.posting("VARIATION_MARGIN", BUSINESS_DATE, account, member, "USD",
                "300.00");
        SettlementCashPosted changed = new SettlementCashPosted(posting.postingId(), posting.kind(),
                posting.businessDate(), account, member, "USD", new BigDecimal("-300.00"), posting.lines(),
                posting.postedAt());

        QuarkusTransaction.requiringNew().run(() -> settlementCash.book(UUID.randomUUID(), posting));
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                .run(() -> settlementCash.book(UUID.randomUUID(), changed)))
                .hasMessageContaining("settlement posting " + posting.postingId() + " was booked as VARIATION_MARGIN "
                        + "USD 300.00 on " + account + " and arrived again as VARIATION_MARGIN USD -300.00");

        Api.backOffice().get("/accounts/{id}/balances", account).then()
                .body("holdings[0].quantity", equalTo(new BigDecimal("300.00")));
    }

    /** Events of the type in the account's outbox that match the SQL condition on {@code payload}. */
    private long events(String account, String type, String condition) {
        return db.count("select count(*) from outbox_event where aggregate_id = ? and event_type = ? and "
                + condition, account, type);
    }

    /** Currencies in which the CCP settlement account's postings for these accounts do not sum to zero. */
    private long unbalancedSettlementCurrencies(List<String> accounts) {
        return db.count("""
                select count(*) from (
                    select p.asset from journal_posting p join journal_entry e on e.id = p.entry_id
                    where p.book = 'CCP_SETTLEMENT' and e.account_id = any (?)
                    group by p.asset having sum(p.quantity) <> 0) unbalanced""",
                (Object) accounts.toArray(String[]::new));
    }
}
