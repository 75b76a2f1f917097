package io.computeclearing.risk.stress;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.risk.RiskEvents;
import io.computeclearing.platform.events.risk.RiskEvents.StressRunCompleted;
import io.computeclearing.risk.RiskFeed;
import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static io.computeclearing.risk.RiskApi.backOffice;
import static io.computeclearing.risk.RiskApi.member;
import static io.computeclearing.risk.RiskApi.risk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/**
 * The stress run end to end: the view of the market from events, scenarios over REST, the run started by settlement's
 * EndOfDayRunCompleted or on demand, the stored covers, the event, and who reads what. A run revalues every position
 * held, so each test closes its positions afterwards, passed or failed: the other's run then revalues only its own
 * (the default scenarios move none of these test families).
 */
@QuarkusTest
class StressRunTest {

    @Inject
    DatabaseProbe db;

    /** Positions this test opened: account, member, instrument, date. */
    private final List<String[]> opened = new ArrayList<>();

    @AfterEach
    void closePositions() {
        for (String[] p : opened) {
            RiskFeed.position(p[0], p[1], p[2], 0, LocalDate.parse(p[3]), 2);
        }
        for (String[] p : opened) {
            await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                    "select count(*) from risk_position where instrument_id = ? and net_quantity <> 0", p[2]) == 0);
        }
    }

    private void open(String accountId, String memberId, String instrumentId, long net, LocalDate date) {
        opened.add(new String[] {accountId, memberId, instrumentId, date.toString()});
        RiskFeed.position(accountId, memberId, instrumentId, net, date, 1);
    }

    @Test
    void coverTwoOfThreeMemberGroupsOverTwoScenariosStartedByTheEndOfDay() {
        LocalDate date = LocalDate.of(2031, 3, 3);
        String n = RiskFeed.unique("");
        String family = "F" + n;
        String instrument = family + "-2106";
        String a = "A" + n;
        String a2 = "AA" + n; // affiliated with A: one group
        String b = "B" + n;
        String c = "C" + n;
        RiskFeed.member(a, null);
        RiskFeed.member(a2, a);
        RiskFeed.member(b, null);
        RiskFeed.member(c, null);
        RiskFeed.instrument(instrument, family, "USD", "1000", "IDX-" + family);
        // Settlement 2.500; one contract is 1,000 units.
        RiskFeed.price(instrument, date, "2.500", "USD");
        String[][] book = {{a + "-H", a, "10", "3000.00"}, {a2 + "-C", a2, "4", "1500.00"},
                {b + "-H", b, "-12", "5000.00"}, {c + "-H", c, "5", "1000.00"}, {c + "-C", c, "3", "2000.00"}};
        for (String[] account : book) {
            open(account[0], account[1], instrument, Long.parseLong(account[2]), date);
            RiskFeed.initialMargin(account[0], "USD", account[3]);
        }
        awaitProjected(instrument, book.length, List.of(a2));
        scenario("GLUT-" + n, family, "-0.40");
        scenario("SPIKE-" + n, family, "0.60");

        RiskFeed.endOfDayRunCompleted(date, instrument, "2.500");
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                "select count(*) from stress_run where business_date = ? and trigger = 'END_OF_DAY'", date) == 1);
        long runId = db.count("select max(run_id) from stress_run where business_date = ?", date);

        // GLUT (-40 %, to 1.500): a long contract loses 1,000. Group A (A + AA): 14 x 1,000 = 14,000 - (3,000 +
        // 1,500) = 9,500 uncovered; B gains 12,000: 0; C: 8 x 1,000 = 8,000 - 3,000 = 5,000.
        // Cover-1 9,500 (A), Cover-2 9,500 + 5,000 = 14,500 (A, C).
        // SPIKE (+60 %, to 4.000): a short contract loses 1,500. B: 12 x 1,500 = 18,000 - 5,000 = 13,000; A and C
        // gain. Cover-1 = Cover-2 = 13,000 (B).
        // Over the scenarios: Cover-1 13,000 (SPIKE, B); Cover-2 14,500 (GLUT, A and C).
        Response run = risk().get("/stress-runs/{id}", runId);
        run.then().statusCode(200)
                .body("run.trigger", equalTo("END_OF_DAY"))
                .body("run.cover1", equalTo(new BigDecimal("13000.00")))
                .body("run.cover1Scenario", equalTo("SPIKE-" + n))
                .body("run.cover1Group", equalTo(b))
                .body("run.cover2", equalTo(new BigDecimal("14500.00")))
                .body("run.cover2Scenario", equalTo("GLUT-" + n))
                .body("run.cover2Groups", contains(a, c))
                .body("scenarios.find { it.scenarioId == 'GLUT-%s' }.cover1".formatted(n),
                        equalTo(new BigDecimal("9500.00")))
                .body("scenarios.find { it.scenarioId == 'GLUT-%s' }.groups.find { it.groupId == '%s' }.loss"
                        .formatted(n, a), equalTo(new BigDecimal("14000.00")))
                .body("scenarios.find { it.scenarioId == 'GLUT-%s' }.groups.find { it.groupId == '%s' }.initialMargin"
                        .formatted(n, a), equalTo(new BigDecimal("4500.00")))
                .body("scenarios.find { it.scenarioId == 'SPIKE-%s' }.cover2".formatted(n),
                        equalTo(new BigDecimal("13000.00")))
                .body("scenarios.find { it.scenarioId == 'SPIKE-%s' }.cover2Groups".formatted(n), contains(b))
                .body("groups.find { it.groupId == '%s' }.members".formatted(a), contains(a, a2));
        backOffice().get("/stress-runs").then().statusCode(200)
                .body("find { it.runId == %d }.cover2".formatted(runId), equalTo(new BigDecimal("14500.00")));

        StressRunCompleted completed = completed(date);
        assertThat(completed.runId()).isEqualTo(runId);
        assertThat(completed.cover2()).isEqualTo(new BigDecimal("14500.00"));
        assertThat(completed.cover2Members()).containsExactly(a, c);
        assertThat(completed.cover1Scenario()).isEqualTo("SPIKE-" + n);
        assertThat(completed.accounts()).isEqualTo(5);

        // A member reads its own losses (AA's client account loses 4 x 1,000 in GLUT; its group's result beside),
        // and not another member's.
        member(a2).get("/stress-runs/{id}/members/{member}", runId, a2).then().statusCode(200)
                .body("groupId", equalTo(a))
                .body("scenarios.find { it.scenarioId == 'GLUT-%s' }.loss".formatted(n),
                        equalTo(new BigDecimal("4000.00")))
                .body("scenarios.find { it.scenarioId == 'GLUT-%s' }.group.uncovered".formatted(n),
                        equalTo(new BigDecimal("9500.00")))
                .body("scenarios.find { it.scenarioId == 'SPIKE-%s' }.accounts[0].byCurrency[0].loss".formatted(n),
                        equalTo(-6000));
        // Another member's losses are not there for it, not even its own parent's (the group's total is what it
        // sees of the others); the whole run and the list are for risk and the back office; refusals write nothing.
        long runs = db.count("select count(*) from stress_run");
        member(a2).get("/stress-runs/{id}/members/{member}", runId, b).then().statusCode(404)
                .contentType("application/problem+json").body("type", endsWith("/problems/not-found"));
        member(a2).get("/stress-runs/{id}/members/{member}", runId, a).then().statusCode(404)
                .contentType("application/problem+json");
        member(a2).get("/stress-runs/{id}", runId).then().statusCode(403)
                .contentType("application/problem+json");
        member(a2).get("/stress-runs").then().statusCode(403);
        member(a2).body("{\"businessDate\": \"%s\"}".formatted(date)).post("/stress-runs").then().statusCode(403)
                .contentType("application/problem+json");
        assertThat(db.count("select count(*) from stress_run")).isEqualTo(runs);
        risk().get("/stress-runs/{id}/members/{member}", runId, a).then().statusCode(200)
                .body("scenarios.find { it.scenarioId == 'GLUT-%s' }.loss".formatted(n),
                        equalTo(new BigDecimal("10000.00")));
        risk().get("/stress-runs/{id}/members/{member}", runId, b).then().statusCode(200)
                .body("scenarios.find { it.scenarioId == 'SPIKE-%s' }.loss".formatted(n),
                        equalTo(new BigDecimal("18000.00")));
    }

    @Test
    void aCnyPositionUnderAnFxShockOnDemandAndRunsRefusedWithNothingWritten() throws Exception {
        LocalDate date = LocalDate.of(2031, 3, 4);
        String n = RiskFeed.unique("");
        String family = "T" + n;
        String instrument = family + "-2106";
        String d = "D" + n;
        RiskFeed.member(d, null);
        RiskFeed.instrument(instrument, family, "CNY", "1000", "IDX-" + family);
        RiskFeed.usdCny("7.50", date);
        RiskFeed.price(instrument, date, "12.00", "CNY");
        open(d + "-H", d, instrument, -2, date);
        RiskFeed.initialMargin(d + "-H", "CNY", "3300.00");
        awaitProjected(instrument, 1, List.of());
        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.count("select count(*) from risk_fx_rate where quote_currency = 'CNY'") > 0);
        risk().body("""
                {"scenarioId": "TOKUP-%s", "name": "tokens up, CNY weaker", "kind": "HYPOTHETICAL", "fxShock": 0.10,
                 "shocks": [{"family": "%s", "kind": "RELATIVE", "value": 0.50}]}""".formatted(n, family))
                .post("/scenarios").then().statusCode(201);

        // No end-of-day run of the date yet, and a date without prices: refused, nothing written.
        long runs = db.count("select count(*) from stress_run");
        risk().body("{\"businessDate\": \"%s\"}".formatted(date)).post("/stress-runs").then().statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("/problems/end-of-day-run-missing"));
        // The end of day of a date whose prices have not arrived (they come on another topic): the run waits, nothing
        // is parked, and on demand it is a 409 naming what is missing.
        LocalDate priceless = date.minusYears(20);
        RiskFeed.endOfDayRunCompleted(priceless, instrument, "11.00");
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                "select count(*) from risk_end_of_day_run where business_date = ? and stress_run_id is null",
                priceless) == 1);
        risk().body("{\"businessDate\": \"%s\"}".formatted(priceless)).post("/stress-runs").then()
                .statusCode(409).body("type", endsWith("/problems/settlement-prices-missing"));
        risk().body("{}").post("/stress-runs").then().statusCode(400);
        backOffice().body("{\"businessDate\": \"%s\"}".formatted(date)).post("/stress-runs").then().statusCode(403);
        assertThat(db.count("select count(*) from stress_run")).isEqualTo(runs);
        assertThat(db.count("select count(*) from parked_event where consumer = 'risk-service.end-of-day-runs'"))
                .isZero();
        // Its rate and a first price arrive, but the run settled at a republished one (11.00, version 2) that has
        // not: still waiting, never revalued at the older price.
        RiskFeed.usdCny("7.40", priceless);
        RiskFeed.price(instrument, priceless, "10.50", "CNY");
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                "select count(*) from risk_settlement_price where business_date = ?", priceless) == 1
                && db.count("select count(*) from risk_fx_rate where quote_currency = 'CNY' and as_of::date = ?",
                priceless) == 1);
        risk().body("{\"businessDate\": \"%s\"}".formatted(priceless)).post("/stress-runs").then()
                .statusCode(409).body("type", endsWith("/problems/settlement-prices-missing"))
                .body("detail", containsString(instrument));
        assertThat(db.count("select count(*) from stress_run")).isEqualTo(runs);
        // The run's price arrives: the waiting run follows by itself, once.
        RiskFeed.price(instrument, priceless, "11.00", "CNY", 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                "select count(*) from stress_run where business_date = ? and trigger = 'END_OF_DAY'", priceless) == 1);
        assertThat(db.count("select count(*) from risk_end_of_day_run where business_date = ? and stress_run_id = "
                + "(select run_id from stress_run where business_date = ?)", priceless, priceless)).isEqualTo(1);
        runs = db.count("select count(*) from stress_run");

        RiskFeed.endOfDayRunCompleted(date);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.count("select count(*) from stress_run where business_date = ?", date) == 1);
        Response onDemand = risk().body("{\"businessDate\": \"%s\"}".formatted(date)).post("/stress-runs");
        onDemand.then().statusCode(201).body("run.trigger", equalTo("ON_DEMAND"));
        long runId = onDemand.jsonPath().getLong("run.runId");

        // Short 2 at 12.00, +50 % -> 18.00: 2 x 6.00 x 1,000 = 12,000 CNY lost. USD/CNY 7.50 x 1.10 = 8.25:
        // 12,000 / 8.25 = 1,454.5454... -> 1,454.55 USD; margin 3,300 / 8.25 = 400.00; uncovered 1,054.55.
        member(d).get("/stress-runs/{id}/members/{member}", runId, d).then().statusCode(200)
                .body("scenarios.find { it.scenarioId == 'TOKUP-%s' }.loss".formatted(n),
                        equalTo(new BigDecimal("1454.55")))
                .body("scenarios.find { it.scenarioId == 'TOKUP-%s' }.accounts[0].byCurrency[0].currency".formatted(n),
                        equalTo("CNY"))
                .body("scenarios.find { it.scenarioId == 'TOKUP-%s' }.accounts[0].byCurrency[0].loss".formatted(n),
                        equalTo(12000))
                .body("scenarios.find { it.scenarioId == 'TOKUP-%s' }.group.initialMargin".formatted(n),
                        equalTo(new BigDecimal("400.00")))
                .body("scenarios.find { it.scenarioId == 'TOKUP-%s' }.group.uncovered".formatted(n),
                        equalTo(new BigDecimal("1054.55")));
        // The default CNY-WEAKER (USD/CNY +10 %, no price move) leaves the position's loss at zero.
        risk().get("/stress-runs/{id}", runId).then().statusCode(200)
                .body("scenarios.find { it.scenarioId == 'TOKUP-%s' }.usdCny".formatted(n),
                        equalTo(new BigDecimal("8.25")))
                .body("scenarios.find { it.scenarioId == 'CNY-WEAKER' }.groups.find { it.groupId == '%s' }.loss"
                        .formatted(d), equalTo(new BigDecimal("0.00")));
    }

    @Test
    void aFinalSettlementIsTheInstrumentsPriceOfItsLastTradingDayForGood() {
        LocalDate lastTradingDay = LocalDate.of(2031, 3, 31);
        String instrument = "F" + RiskFeed.unique("") + "-2103";
        RiskFeed.price(instrument, lastTradingDay, "2.500", "USD");
        RiskFeed.finalSettlement(instrument, lastTradingDay, "2.4875", "USD");
        // A daily price of the same date published later (it could not be, but a stray one) does not replace it.
        RiskFeed.price(instrument, lastTradingDay, "2.600", "USD");
        // Then one of the day before: the instrument's events are in order, so once it is in, all three are.
        RiskFeed.price(instrument, lastTradingDay.minusDays(1), "2.400", "USD");
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                "select count(*) from risk_settlement_price where instrument_id = ?", instrument) == 2);
        assertThat(db.count("select count(*) from risk_settlement_price where instrument_id = ? and price = 2.4875",
                instrument)).isEqualTo(1);
    }

    @Test
    void anExtremeShockOfAnExtremePositionIsComputedAndStoredExactly() {
        LocalDate date = LocalDate.of(2031, 3, 5);
        String n = RiskFeed.unique("");
        String family = "X" + n;
        String instrument = family + "-2106";
        String e = "E" + n;
        RiskFeed.member(e, null);
        // The largest contract unit a listing carries (14 digits), a trillion contracts short, and the largest
        // relative move a scenario takes (12 digits): far beyond a long and beyond 28 digits.
        RiskFeed.instrument(instrument, family, "USD", "10000000000000", "IDX-" + family);
        RiskFeed.price(instrument, date, "1000", "USD");
        open(e + "-H", e, instrument, -1_000_000_000_000L, date);
        RiskFeed.initialMargin(e + "-H", "USD", "1.00");
        awaitProjected(instrument, 1, List.of());
        scenario("MOON-" + n, family, "999999999999");
        RiskFeed.endOfDayRunCompleted(date);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.count("select count(*) from stress_run where business_date = ?", date) == 1);
        long runId = db.count("select max(run_id) from stress_run where business_date = ?", date);

        // Shocked: 1,000 x (1 + 999,999,999,999) = 10^15. A short contract loses (10^15 - 1,000) x 10^13 =
        // 999,999,999,999,000 x 10^13; 10^12 contracts lose 9,999,999,999,990 x 10^27 USD (40 digits), less 1.00 of
        // margin uncovered.
        String loss = "9999999999990000000000000000000000000000";
        risk().get("/stress-runs/{id}", runId).then().statusCode(200)
                .body("scenarios.find { it.scenarioId == 'MOON-%s' }.groups[0].loss".formatted(n),
                        equalTo(new BigDecimal(loss + ".00")))
                .body("scenarios.find { it.scenarioId == 'MOON-%s' }.cover1".formatted(n),
                        equalTo(new BigDecimal("9999999999989999999999999999999999999999.00")));
        member(e).get("/stress-runs/{id}/members/{member}", runId, e).then().statusCode(200)
                .body("scenarios.find { it.scenarioId == 'MOON-%s' }.accounts[0].byCurrency[0].loss".formatted(n),
                        equalTo(new java.math.BigInteger(loss)));
    }

    private void scenario(String id, String family, String move) {
        risk().body("""
                {"scenarioId": "%s", "name": "%s", "kind": "HYPOTHETICAL",
                 "shocks": [{"family": "%s", "kind": "RELATIVE", "value": %s}]}""".formatted(id, id, family, move))
                .post("/scenarios").then().statusCode(201);
    }

    private void awaitProjected(String instrument, int positions, List<String> affiliated) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.count("select count(*) from risk_instrument where instrument_id = ?", instrument) == 1
                        && db.count("select count(*) from risk_settlement_price where instrument_id = ?",
                        instrument) == 1
                        && db.count("select count(*) from risk_position where instrument_id = ?", instrument)
                        == positions
                        && db.count("""
                        select count(distinct m.account_id) from risk_margin_requirement m
                        join risk_position p on p.account_id = m.account_id where p.instrument_id = ?""", instrument)
                        == positions
                        && affiliated.stream().allMatch(m -> db.count(
                        "select count(*) from risk_member where member_id = ? and parent_member_id is not null",
                        m) == 1));
    }


    private static StressRunCompleted completed(LocalDate date) {
        AtomicReference<StressRunCompleted> found = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            TopicProbe.readAll(Topics.RISK, Duration.ofSeconds(1)).stream()
                    .filter(r -> date.toString().equals(r.key()))
                    .map(r -> EventCodec.decode(r.value()))
                    .filter(e -> e.is(RiskEvents.STRESS_RUN_COMPLETED))
                    .map(e -> EventCodec.payload(e, RiskEvents.STRESS_RUN_COMPLETED))
                    .findFirst().ifPresent(found::set);
            return found.get() != null;
        });
        return found.get();
    }
}
