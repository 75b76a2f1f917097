package io.computeclearing.account.cycle;

import io.computeclearing.account.Api;
import io.computeclearing.account.Feeds;
import io.computeclearing.platform.events.settlement.SettlementEvents.SettlementCashPosted;
import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * A margin call comes from one snapshot per settlement cycle: the requirement at the cycle's prices against the
 * collateral after the cycle's postings, whichever of the two halves arrives first. The figures are those of the
 * demo's BRAVO-S on its second day: 7,000.00 of cash, a variation margin debit of 2,000.00 and a requirement of
 * 7,150.00 at the day's prices, so the call is 7,150.00 - 5,000.00 = 2,150.00.
 */
@QuarkusTest
class SettlementCycleTest {

    private static final LocalDate BUSINESS_DATE = LocalDate.parse("2026-11-24");

    @Inject
    DatabaseProbe db;

    @Test
    void theCallIsTheCyclesRequirementAgainstTheCollateralAfterItsPostingsInEitherOrder() {
        String member = Api.registerMember("CYCLE");
        String requirementFirst = Api.openAccount(member, "USD");
        String cashFirst = Api.openAccount(member, "USD");
        String cycleId = BUSINESS_DATE + "/END_OF_DAY";
        for (String account : List.of(requirementFirst, cashFirst)) {
            Api.deposit(account, "USD", "7000.00");
            Feeds.requirement(account, "USD", "6000.00");
        }

        // the requirement at the cycle's prices first, then the debit and the cycle's close
        Feeds.requirement(requirementFirst, "USD", "7150.00", cycleId);
        assertThat(calls(requirementFirst)).isEmpty();
        SettlementCashPosted debit = debit(requirementFirst, member);
        Feeds.closeCycle(cycleId, requirementFirst, member, List.of(debit.postingId()));
        Feeds.awaitCycleDecided(requirementFirst, cycleId);

        // the debit and the cycle's close first: the cycle waits for its requirement, and no call is issued meanwhile
        SettlementCashPosted otherDebit = debit(cashFirst, member);
        UUID close = Feeds.closeCycle(cycleId, cashFirst, member, List.of(otherDebit.postingId()));
        Feeds.awaitApplied(db, close);
        Api.backOffice().get("/accounts/{id}/settlement-cycles", cashFirst).then().statusCode(200)
                .body("[0].cycleId", equalTo(cycleId))
                .body("[0].status", equalTo("PENDING"))
                .body("[0].decidedAt", equalTo(null));
        assertThat(calls(cashFirst)).isEmpty();
        Feeds.requirement(cashFirst, "USD", "7150.00", cycleId);
        Feeds.awaitCycleDecided(cashFirst, cycleId);

        for (String account : List.of(requirementFirst, cashFirst)) {
            JsonPath call = Api.backOffice().queryParam("accountId", account).get("/margin-calls").then()
                    .statusCode(200).body("$", hasSize(1)).extract().jsonPath();
            assertThat(call.getObject("[0].amount", BigDecimal.class)).isEqualTo(new BigDecimal("2150.00"));
            assertThat(call.getObject("[0].requirement", BigDecimal.class)).isEqualTo(new BigDecimal("7150.00"));
            assertThat(call.getObject("[0].collateralValue", BigDecimal.class)).isEqualTo(new BigDecimal("5000.00"));
            assertThat(call.getString("[0].cycleId")).isEqualTo(cycleId);
            Api.backOffice().get("/accounts/{id}/settlement-cycles", account).then()
                    .body("[0].status", equalTo("CALLED"))
                    .body("[0].initialMargins.USD", equalTo(new BigDecimal("7150.00")))
                    .body("[0].requirement", equalTo(new BigDecimal("7150.00")))
                    .body("[0].collateralValue", equalTo(new BigDecimal("5000.00")))
                    .body("[0].excess", equalTo(new BigDecimal("-2150.00")))
                    .body("[0].callId", equalTo(call.getString("[0].id")));
            assertThat(events(account, "MarginCallIssued")).isEqualTo(1);
            // the cycle's own requirement and debit are not reported as a deficit between cycles
            assertThat(events(account, "MarginDeficitDetected")).isZero();
        }
    }

    @Test
    void aDeficitBetweenCyclesIsReportedForTheRiskTeamAndCalledAtTheNextCycle() {
        String account = Api.newAccount("BETWEEN", "USD");
        Api.deposit(account, "USD", "100.00");

        Feeds.requirement(account, "USD", "150.00");

        assertThat(calls(account)).isEmpty();
        assertThat(db.count("select count(*) from outbox_event where aggregate_id = ? and event_type = "
                + "'MarginDeficitDetected' and payload->>'deficit' = '50.00' and payload->>'requirement' = '150.00' "
                + "and payload->>'cause' = 'REQUIREMENT'", account)).isEqualTo(1);
        // a smaller deficit is not reported again
        Feeds.requirement(account, "USD", "140.00");
        assertThat(events(account, "MarginDeficitDetected")).isEqualTo(1);

        String cycleId = Feeds.cycle(account, "USD", "150.00");

        JsonPath call = Api.backOffice().queryParam("accountId", account).get("/margin-calls").then()
                .body("$", hasSize(1)).extract().jsonPath();
        assertThat(call.getObject("[0].amount", BigDecimal.class)).isEqualTo(new BigDecimal("50.00"));
        assertThat(call.getString("[0].cycleId")).isEqualTo(cycleId);
    }

    @Test
    void aCycleStillWaitingWhenALaterOneClosesIsSupersededAndCallsNothing() {
        String member = Api.registerMember("SUPER");
        String account = Api.openAccount(member, "USD");
        Api.deposit(account, "USD", "100.00");
        String stale = "2026-11-23/END_OF_DAY";
        Feeds.awaitApplied(db, Feeds.closeCycle(stale, account, member, List.of()));

        String later = Feeds.cycle(account, "USD", "100.00");
        // the requirement for the superseded cycle arrives after all: it decides nothing
        Feeds.requirement(account, "USD", "900.00", stale);

        Api.backOffice().get("/accounts/{id}/settlement-cycles", account).then()
                .body("find { it.cycleId == '%s' }.status".formatted(stale), equalTo("SUPERSEDED"))
                .body("find { it.cycleId == '%s' }.status".formatted(later), equalTo("COVERED"));
        assertThat(calls(account)).isEmpty();
    }

    @Test
    void aRequirementThatComesAfterTheNextCyclesCashIsSetAgainstTheCollateralOfItsOwnCycle() {
        String member = Api.registerMember("LAG");
        String account = Api.openAccount(member, "USD");
        Api.deposit(account, "USD", "7000.00");
        // yesterday's end of day closes with no cash for the account; its requirement is still on its way
        String yesterday = BUSINESS_DATE.minusDays(1) + "/END_OF_DAY";
        Feeds.awaitApplied(db, Feeds.closeCycle(yesterday, account, member, List.of()));
        // today's intraday cycle debits 2,000.00 before yesterday's requirement arrives
        String intraday = BUSINESS_DATE + "/INTRADAY-1";
        SettlementCashPosted debit = new SettlementCashPosted("VARIATION_MARGIN:" + BUSINESS_DATE + ":" + account
                + ":USD:INTRADAY-1", "VARIATION_MARGIN", BUSINESS_DATE, account, member, "USD",
                new BigDecimal("-2000.00"), List.of(), java.time.Instant.now());
        Feeds.awaitApplied(db, Feeds.publish(debit));

        // yesterday's requirement, 6,000.00 at yesterday's prices: against yesterday's collateral, 7,000.00, covered;
        // against today's 5,000.00 it would have called 1,000.00 from a snapshot of no cycle at all
        Feeds.requirement(account, "USD", "6000.00", yesterday);
        Feeds.awaitCycleDecided(account, yesterday);
        Api.backOffice().get("/accounts/{id}/settlement-cycles", account).then()
                .body("find { it.cycleId == '%s' }.status".formatted(yesterday), equalTo("COVERED"))
                .body("find { it.cycleId == '%s' }.collateralValue".formatted(yesterday),
                        equalTo(new BigDecimal("7000.00")));
        assertThat(calls(account)).isEmpty();

        // the intraday cycle decides on its own snapshot: 7,150.00 against 5,000.00
        Feeds.closeCycle(intraday, account, member, List.of(debit.postingId()));
        Feeds.requirement(account, "USD", "7150.00", intraday);
        Feeds.awaitCycleDecided(account, intraday);
        JsonPath call = Api.backOffice().queryParam("accountId", account).get("/margin-calls").then()
                .body("$", hasSize(1)).extract().jsonPath();
        assertThat(call.getObject("[0].amount", BigDecimal.class)).isEqualTo(new BigDecimal("2150.00"));
        assertThat(call.getString("[0].cycleId")).isEqualTo(intraday);
    }

    @Test
    void aCycleClosedBeforeItsPostingsAreBookedIsParked() {
        String member = Api.registerMember("EARLY");
        String account = Api.openAccount(member, "USD");
        String missing = "VARIATION_MARGIN:" + BUSINESS_DATE + ":" + account + ":USD";

        UUID close = Feeds.closeCycle(BUSINESS_DATE + "/END_OF_DAY", account, member, List.of(missing));

        await().atMost(Feeds.ARRIVAL).until(() -> db.count("select count(*) from parked_event where event_id = ? "
                + "and reason like ?", close, "%closed with postings not booked: [" + missing + "]%") == 1);
        Api.backOffice().get("/accounts/{id}/settlement-cycles", account).then().body("$", hasSize(0));
    }

    @Test
    void aMemberSeesOnlyItsOwnAccountsCycles() {
        String alpha = Api.registerMember("CYCA");
        String alphaAccount = Api.openAccount(alpha, "USD");
        String bravoAccount = Api.newAccount("CYCB", "USD");
        Feeds.cycle(alphaAccount, "USD", "0.00");
        Feeds.cycle(bravoAccount, "USD", "0.00");

        Api.as(TestTokens.member(alpha)).get("/accounts/{id}/settlement-cycles", alphaAccount).then()
                .statusCode(200).body("$", hasSize(1)).body("[0].status", equalTo("COVERED"));
        Api.as(TestTokens.member(alpha)).get("/accounts/{id}/settlement-cycles", bravoAccount).then()
                .statusCode(404).contentType("application/problem+json");
    }

    private SettlementCashPosted debit(String account, String member) {
        SettlementCashPosted debit = Feeds.posting("VARIATION_MARGIN", BUSINESS_DATE, account, member, "USD",
                "-2000.00");
        Feeds.awaitApplied(db, Feeds.publish(debit));
        return debit;
    }

    private static List<Object> calls(String account) {
        return Api.backOffice().queryParam("accountId", account).get("/margin-calls").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    private long events(String account, String type) {
        return db.count("select count(*) from outbox_event where aggregate_id = ? and event_type = ?", account, type);
    }
}
