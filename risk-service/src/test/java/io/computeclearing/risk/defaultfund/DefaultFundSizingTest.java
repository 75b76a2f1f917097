package io.computeclearing.risk.defaultfund;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.risk.RiskEvents;
import io.computeclearing.platform.events.risk.RiskEvents.DefaultFundContributionRequired;
import io.computeclearing.platform.events.risk.RiskEvents.DefaultFundShortfall;
import io.computeclearing.platform.events.risk.RiskEvents.DefaultFundSized;
import io.computeclearing.risk.RiskFeed;
import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.testsupport.TestTokens;
import io.computeclearing.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import static io.computeclearing.risk.RiskApi.as;
import static io.computeclearing.risk.RiskApi.backOffice;
import static io.computeclearing.risk.RiskApi.member;
import static io.computeclearing.risk.RiskApi.risk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * The default fund end to end: daily stress runs started by settlement's end of day, a sizing over them on demand,
 * each member's contribution to the cent, the events, who reads what, refusals with nothing written, and a daily run
 * above the fund in force (a shortfall, then a resize). Dates of its own (June 2032), so the period's runs are this
 * test's; positions are closed afterwards, so later runs of other tests do not revalue them.
 * Test settings: buffer 10 %, fund minimum 10,000.00, minimum contribution 1,000.00, CCP capital 2,500.00.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DefaultFundSizingTest {

    @Inject
    DatabaseProbe db;

    private final List<String[]> opened = new ArrayList<>();

    @AfterEach
    void closePositions() {
        for (String[] p : opened) {
            RiskFeed.position(p[0], p[1], p[2], 0, LocalDate.parse(p[3]), 99);
        }
        for (String[] p : opened) {
            await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                    "select count(*) from risk_position where instrument_id = ? and net_quantity <> 0", p[2]) == 0);
        }
    }

    @Test
    @Order(1)
    void aFundSizedOverTwoDailyRunsSharedToTheCentThenAShortfallResizesIt() {
        LocalDate day1 = LocalDate.of(2032, 6, 1);
        LocalDate day2 = LocalDate.of(2032, 6, 2);
        LocalDate day3 = LocalDate.of(2032, 6, 3);
        String n = RiskFeed.unique("");
        String family = "D" + n;
        String x = "X" + n;
        String y = "Y" + n;
        String z = "Z" + n;
        for (String m : List.of(x, y, z)) {
            RiskFeed.member(m, null);
        }
        market(family, n);

        // Day 1 at 2.500 (a contract is 1,000 units). DROP (-40 %): a long contract loses 1,000; RISE (+60 %): a short
        // one loses 1,500. X long 10, margin 3,000: DROP 10,000 - 3,000 = 7,000 uncovered. Y short 4, margin 1,000:
        // RISE 6,000 - 1,000 = 5,000. Z long 1, margin 1,000: DROP 1,000 - 1,000 = 0. Cover-2: DROP 7,000, RISE 5,000.
        position(x, 10, 1, day1, "3000.00");
        position(y, -4, 1, day1, "1000.00");
        position(z, 1, 1, day1, "1000.00");
        dailyRun(day1, 3);
        // Day 2: X long 20: DROP 20,000 - 3,000 = 17,000; Y and Z as before. Cover-2 17,000 (DROP: X, and Z at 0).
        position(x, 20, 2, day2, "3000.00");
        dailyRun(day2, 3);
        long day2Run = db.count("select max(run_id) from stress_run where business_date = ?", day2);
        risk().get("/stress-runs/{id}", day2Run).then().statusCode(200)
                .body("run.cover2", equalTo(new BigDecimal("17000.00")));

        // Refused, nothing written: no daily run in (2032-04-01, 2032-05-01]; a member or the back office sizing.
        long sizings = db.count("select count(*) from default_fund_sizing");
        long outbox = db.count("select count(*) from outbox_event");
        risk().body("{\"asOf\": \"2032-05-01\"}").post("/default-fund-sizings").then().statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("/problems/no-stress-runs"));
        risk().body("{\"asOf\": \"June\"}").post("/default-fund-sizings").then().statusCode(400)
                .contentType("application/problem+json");
        backOffice().body("{\"asOf\": \"%s\"}".formatted(day2)).post("/default-fund-sizings").then().statusCode(403)
                .contentType("application/problem+json");
        member(x).body("{\"asOf\": \"%s\"}".formatted(day2)).post("/default-fund-sizings").then().statusCode(403);
        assertThat(db.count("select count(*) from default_fund_sizing")).isEqualTo(sizings);
        assertThat(db.count("select count(*) from outbox_event")).isEqualTo(outbox);

        // The sizing as of day 2 (period (2032-05-02, 2032-06-02]: both runs). Max Cover-2 17,000 x 1.10 = 18,700.00,
        // above the 10,000.00 floor. Measures, the average uncovered loss: X (7,000 + 17,000) / 2 = 12,000, Y 5,000,
        // Z 0. Rest after 3 x 1,000.00 of minimums: 15,700.00 = 1,570,000 cents, shared 12,000 : 5,000 : 0.
        // X: 1,570,000 x 12 / 17 = 1,108,235.294; Y: 1,570,000 x 5 / 17 = 461,764.706. Whole cents 1,569,999: the
        // cent left goes to Y (.706 > .294). X 1,000.00 + 11,082.35 = 12,082.35; Y 1,000.00 + 4,617.65 = 5,617.65;
        // Z (no risk) 1,000.00. Total 18,700.00.
        Response sized = risk().body("{\"asOf\": \"%s\"}".formatted(day2)).post("/default-fund-sizings");
        sized.then().statusCode(201)
                .body("sizing.reason", equalTo("ON_DEMAND"))
                .body("sizing.periodFrom", equalTo("2032-05-02"))
                .body("sizing.runs", equalTo(2))
                .body("sizing.maxCover2", equalTo(new BigDecimal("17000.00")))
                .body("sizing.maxCover2Date", equalTo(day2.toString()))
                .body("sizing.fundSize", equalTo(new BigDecimal("18700.00")))
                .body("sizing.minimumApplied", equalTo(false))
                .body("sizing.members", equalTo(3))
                .body("contributions.find { it.memberId == '%s' }.amount".formatted(x),
                        equalTo(new BigDecimal("12082.35")))
                .body("contributions.find { it.memberId == '%s' }.proRata".formatted(x),
                        equalTo(new BigDecimal("11082.35")))
                .body("contributions.find { it.memberId == '%s' }.measure".formatted(x),
                        equalTo(12000))
                .body("contributions.find { it.memberId == '%s' }.amount".formatted(y),
                        equalTo(new BigDecimal("5617.65")))
                .body("contributions.find { it.memberId == '%s' }.amount".formatted(z),
                        equalTo(new BigDecimal("1000.00")));
        long sizingId = sized.jsonPath().getLong("sizing.sizingId");
        assertThat(sized.header("Location")).endsWith("/default-fund-sizings/" + sizingId);

        // Published: the sizing, and one requirement per member (key the member), adding up to the fund.
        DefaultFundSized event = await().atMost(Duration.ofSeconds(30)).until(() -> find(
                e -> e.is(RiskEvents.DEFAULT_FUND_SIZED), RiskEvents.DEFAULT_FUND_SIZED).stream()
                .filter(s -> s.sizingId() == sizingId).findFirst().orElse(null), s -> s != null);
        assertThat(event.fundSize()).isEqualTo(new BigDecimal("18700.00"));
        assertThat(event.maxCover2()).isEqualTo(new BigDecimal("17000.00"));
        assertThat(event.reason()).isEqualTo("ON_DEMAND");
        assertThat(event.effectiveDate()).isEqualTo(day2);
        Map<String, BigDecimal> required = requirements(sizingId, 3);
        assertThat(required).containsExactlyEntriesOf(new TreeMap<>(Map.of(x, new BigDecimal("12082.35"),
                y, new BigDecimal("5617.65"), z, new BigDecimal("1000.00"))));

        // Who reads what: a member its own line only; risk and the back office everything.
        member(y).get("/default-fund-sizings/{id}/members/{member}", sizingId, y).then().statusCode(200)
                .body("contribution.amount", equalTo(new BigDecimal("5617.65")))
                .body("contribution.minimum", equalTo(new BigDecimal("1000.00")))
                .body("fundSize", equalTo(new BigDecimal("18700.00")));
        member(y).get("/default-fund-sizings/{id}/members/{member}", sizingId, x).then().statusCode(404)
                .contentType("application/problem+json").body("type", endsWith("/problems/not-found"));
        member(y).get("/default-fund-sizings/{id}", sizingId).then().statusCode(403)
                .contentType("application/problem+json");
        member(y).get("/default-fund-sizings").then().statusCode(403);
        member(y).get("/default-fund-status").then().statusCode(403);
        backOffice().get("/default-fund-sizings/{id}/members/{member}", sizingId, x).then().statusCode(200)
                .body("contribution.amount", equalTo(new BigDecimal("12082.35")));
        backOffice().get("/default-fund-sizings").then().statusCode(200)
                .body("find { it.sizingId == %d }.fundSize".formatted(sizingId), equalTo(new BigDecimal("18700.00")));
        risk().get("/default-fund-sizings/{id}/members/{member}", 999_999_999L, x).then().statusCode(404);
        risk().get("/default-fund-sizings/{id}", 999_999_999L).then().statusCode(404)
                .contentType("application/problem+json");
        backOffice().get("/default-fund-status").then().statusCode(200)
                .body("inForce.sizingId", equalTo((int) sizingId))
                .body("inForce.fundSize", equalTo(new BigDecimal("18700.00")))
                .body("shortfall", nullValue())
                .body("ccpTranche", equalTo(new BigDecimal("2500.00")));

        // Day 3: X long 30: DROP 30,000 - 3,000 = 27,000 = Cover-2, above the fund of 18,700.00: short by 8,300.00.
        position(x, 30, 3, day3, "3000.00");
        dailyRun(day3, 3);
        long day3Run = db.count("select max(run_id) from stress_run where business_date = ?", day3);
        DefaultFundShortfall shortfall = await().atMost(Duration.ofSeconds(30)).until(() -> find(
                e -> e.is(RiskEvents.DEFAULT_FUND_SHORTFALL), RiskEvents.DEFAULT_FUND_SHORTFALL).stream()
                .filter(s -> s.runId() == day3Run).findFirst().orElse(null), s -> s != null);
        assertThat(shortfall.fundSize()).isEqualTo(new BigDecimal("18700.00"));
        assertThat(shortfall.cover2()).isEqualTo(new BigDecimal("27000.00"));
        assertThat(shortfall.shortfall()).isEqualTo(new BigDecimal("8300.00"));
        assertThat(db.count("select count(*) from default_fund_shortfall where run_id = ? and sizing_id = ?",
                day3Run, sizingId)).isEqualTo(1);

        // The resize as of day 3 (three runs): 27,000 x 1.10 = 29,700.00. Measures: X (7,000 + 17,000 + 27,000) / 3
        // = 17,000, Y 5,000, Z 0. Rest 26,700.00 = 2,670,000 cents: X x 17 / 22 = 2,063,181.818, Y x 5 / 22 =
        // 606,818.182; the cent left goes to X (.818). X 1,000.00 + 20,631.82 = 21,631.82; Y 1,000.00 + 6,068.18 =
        // 7,068.18; Z 1,000.00. Total 29,700.00.
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                "select count(*) from default_fund_shortfall where run_id = ? and resize_sizing_id is not null",
                day3Run) == 1);
        long resized = db.count("select resize_sizing_id from default_fund_shortfall where run_id = ?", day3Run);
        risk().get("/default-fund-sizings/{id}", resized).then().statusCode(200)
                .body("sizing.reason", equalTo("SHORTFALL"))
                .body("sizing.runs", equalTo(3))
                .body("sizing.fundSize", equalTo(new BigDecimal("29700.00")))
                .body("contributions.find { it.memberId == '%s' }.amount".formatted(x),
                        equalTo(new BigDecimal("21631.82")))
                .body("contributions.find { it.memberId == '%s' }.amount".formatted(y),
                        equalTo(new BigDecimal("7068.18")))
                .body("contributions.find { it.memberId == '%s' }.amount".formatted(z),
                        equalTo(new BigDecimal("1000.00")));
        assertThat(requirements(resized, 3)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                x, new BigDecimal("21631.82"), y, new BigDecimal("7068.18"), z, new BigDecimal("1000.00"))));
        risk().get("/default-fund-status").then().statusCode(200)
                .body("inForce.sizingId", equalTo((int) resized))
                .body("shortfall", nullValue());

        // A run below the fund in force is no shortfall: day 3 again (settlement ran it again), X back to 20.
        position(x, 20, 4, day3, "3000.00");
        RiskFeed.endOfDayRunCompleted(day3);
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                "select count(*) from stress_run where business_date = ? and trigger = 'END_OF_DAY'", day3) == 2);
        long rerun = db.count("select max(run_id) from stress_run where business_date = ?", day3);
        assertThat(db.count("select count(*) from default_fund_shortfall where run_id = ?", rerun)).isZero();
    }

    /**
     * Runs after the first: the fund it leaves in force (29,700.00) is above this test's Cover-2, so its daily run is
     * no shortfall, and its own sizing is made on demand.
     */
    @Test
    @Order(2)
    void anAffiliatesUncoveredLossIsSharedByOwnLossesAndTheFloorSetsTheFund() {
        LocalDate day = LocalDate.of(2032, 9, 1);
        String n = RiskFeed.unique("");
        String family = "E" + n;
        String p = "P" + n;
        String q = "Q" + n; // affiliated with P: one group
        String r = "R" + n;
        RiskFeed.member(p, null);
        RiskFeed.member(q, p);
        RiskFeed.member(r, null);
        market(family, n);
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                "select count(*) from risk_member where member_id = ? and parent_member_id = ?", q, p) == 1);
        // At 2.500: DROP (-40 %) a long contract loses 1,000; RISE (+60 %) a short one loses 1,500.
        // Group P: P long 6 (margin 1,000) and Q long 2 (1,000) lose 8,000 in DROP against 2,000: 6,000 uncovered,
        // shared by their own losses 6,000 : 2,000: P 4,500, Q 1,500. R short 5 (margin 500) loses 7,500 in RISE:
        // 7,000. Cover-2: DROP 6,000, RISE 7,000; max 7,000 x 1.10 = 7,700.00, below the floor: the fund is 10,000.00.
        // Rest 7,000.00 = 700,000 cents shared 4,500 : 1,500 : 7,000 (9 : 3 : 14 over 26): P 242,307.692, Q 80,769.231,
        // R 376,923.077; the cent left goes to P (.692). P 1,000.00 + 2,423.08 = 3,423.08; Q 1,000.00 + 807.69 =
        // 1,807.69; R 1,000.00 + 3,769.23 = 4,769.23. Total 10,000.00.
        position(p, 6, 1, day, "1000.00");
        position(q, 2, 1, day, "1000.00");
        position(r, -5, 1, day, "500.00");
        dailyRun(day, 3);
        long run = db.count("select max(run_id) from stress_run where business_date = ?", day);
        assertThat(db.count("select count(*) from default_fund_shortfall where run_id = ?", run)).isZero();

        Response sized = risk().body("{\"asOf\": \"%s\"}".formatted(day)).post("/default-fund-sizings");
        sized.then().statusCode(201)
                .body("sizing.runs", equalTo(1))
                .body("sizing.maxCover2", equalTo(new BigDecimal("7000.00")))
                .body("sizing.buffered", equalTo(7700))
                .body("sizing.minimumApplied", equalTo(true))
                .body("sizing.fundSize", equalTo(new BigDecimal("10000.00")))
                .body("contributions.find { it.memberId == '%s' }.measure".formatted(p), equalTo(4500))
                .body("contributions.find { it.memberId == '%s' }.measure".formatted(q), equalTo(1500))
                .body("contributions.find { it.memberId == '%s' }.amount".formatted(p),
                        equalTo(new BigDecimal("3423.08")))
                .body("contributions.find { it.memberId == '%s' }.amount".formatted(q),
                        equalTo(new BigDecimal("1807.69")))
                .body("contributions.find { it.memberId == '%s' }.amount".formatted(r),
                        equalTo(new BigDecimal("4769.23")));
        long sizingId = sized.jsonPath().getLong("sizing.sizingId");
        // The affiliate reads its own line, not its parent's.
        member(q).get("/default-fund-sizings/{id}/members/{member}", sizingId, q).then().statusCode(200)
                .body("contribution.amount", equalTo(new BigDecimal("1807.69")));
        member(q).get("/default-fund-sizings/{id}/members/{member}", sizingId, p).then().statusCode(404);
    }

    /**
     * A member declared in default shares no fund: its losses count in the period's Cover-2, but it gets no line. At
     * 2.500, DROP (-40 %) costs a long contract 1,000, RISE (+60 %) a short one 1,500. X long 2 (margin 1,000) leaves
     * 1,000 uncovered in DROP, Y short 1 (margin 500) 1,000 in RISE, Z long 3 (margin 1,000) 2,000 in DROP. Cover-2:
     * DROP 1,000 + 2,000 = 3,000, x 1.10 = 3,300.00, below the floor: the fund is 10,000.00. Z is in default: X and Y
     * take 1,000.00 each and share the 8,000.00 left 1,000 : 1,000, so 5,000.00 each.
     */
    @Test
    @Order(3)
    void aMemberDeclaredInDefaultSharesNoFund() {
        LocalDate day = LocalDate.of(2035, 5, 2); // a month of its own: no other test's run in the period
        String n = RiskFeed.unique("");
        String family = "W" + n;
        String x = "X" + n;
        String y = "Y" + n;
        String z = "Z" + n;
        for (String member : List.of(x, y, z)) {
            RiskFeed.member(member, null);
        }
        market(family, n);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.count("select count(*) from risk_member where member_id = ?", z) == 1);
        position(x, 2, 1, day, "1000.00");
        position(y, -1, 1, day, "500.00");
        position(z, 3, 1, day, "1000.00");
        dailyRun(day, 3);
        long defaultId = risk().body("""
                {"memberId": "%s", "reason": "INSOLVENCY", "detail": "administrators appointed"}""".formatted(z))
                .post("/defaults").then().statusCode(201).extract().jsonPath().getLong("defaultId");
        as(TestTokens.admin()).post("/defaults/{id}/approval", defaultId).then().statusCode(200)
                .body("status", equalTo("DECLARED"));

        Response sized = risk().body("{\"asOf\": \"%s\"}".formatted(day)).post("/default-fund-sizings");
        sized.then().statusCode(201)
                .body("sizing.maxCover2", equalTo(new BigDecimal("3000.00")))
                .body("sizing.fundSize", equalTo(new BigDecimal("10000.00")))
                .body("sizing.members", equalTo(2))
                .body("contributions.memberId", containsInAnyOrder(x, y))
                .body("contributions.amount", everyItem(equalTo(new BigDecimal("5000.00"))));
        long sizingId = sized.jsonPath().getLong("sizing.sizingId");
        risk().get("/default-fund-sizings/{id}/members/{member}", sizingId, z).then().statusCode(404);
    }

    /**
     * The test's own instrument of {@code family} (1,000 units a contract), made the current one, and the family's
     * scenarios DROP (-40 %) and RISE (+60 %).
     */
    private void market(String family, String n) {
        String instrument = family + "-2106";
        RiskFeed.instrument(instrument, family, "USD", "1000", "IDX-" + family);
        currentInstrument = instrument;
        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.count("select count(*) from risk_instrument where instrument_id = ?", instrument) == 1);
        scenario("DROP-" + n, family, "-0.40");
        scenario("RISE-" + n, family, "0.60");
    }

    private void position(String memberId, long net, long version, LocalDate date, String margin) {
        String account = memberId + "-H";
        opened.removeIf(p -> p[0].equals(account));
        opened.add(new String[] {account, memberId, instrumentOf(memberId), date.toString()});
        RiskFeed.position(account, memberId, instrumentOf(memberId), net, date, version);
        RiskFeed.initialMargin(account, "USD", margin);
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                "select count(*) from risk_position where account_id = ? and net_quantity = ? and version = ?",
                account, net, version) == 1
                && db.count("select count(*) from risk_margin_requirement where account_id = ?", account) > 0
                && db.count("select count(*) from risk_instrument where instrument_id = ?", currentInstrument) == 1);
    }

    private String currentInstrument;

    private String instrumentOf(String memberId) {
        return currentInstrument;
    }

    private void dailyRun(LocalDate date, int accounts) {
        RiskFeed.price(currentInstrument, date, "2.500", "USD");
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                "select count(*) from risk_settlement_price where instrument_id = ? and business_date = ?",
                currentInstrument, date) == 1);
        long before = db.count("select count(*) from stress_run where business_date = ? and trigger = 'END_OF_DAY'",
                date);
        RiskFeed.endOfDayRunCompleted(date, currentInstrument, "2.500");
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                "select count(*) from stress_run where business_date = ? and trigger = 'END_OF_DAY'", date)
                == before + 1);
        assertThat(db.count("select count(distinct account_id) from stress_account_loss where run_id = "
                + "(select max(run_id) from stress_run where business_date = ?)", date)).isEqualTo(accounts);
    }

    private void scenario(String id, String family, String move) {
        risk().body("""
                {"scenarioId": "%s", "name": "%s", "kind": "HYPOTHETICAL",
                 "shocks": [{"family": "%s", "kind": "RELATIVE", "value": %s}]}""".formatted(id, id, family, move))
                .post("/scenarios").then().statusCode(201);
    }

    /** The contributions sizing {@code sizingId} required, by member, once all {@code members} are on the topic. */
    private static Map<String, BigDecimal> requirements(long sizingId, int members) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            Map<String, BigDecimal> found = new TreeMap<>();
            TopicProbe.readAll(Topics.RISK, Duration.ofSeconds(1)).stream()
                    .map(r -> {
                        EventEnvelope e = EventCodec.decode(r.value());
                        if (!e.is(RiskEvents.DEFAULT_FUND_CONTRIBUTION_REQUIRED)) {
                            return null;
                        }
                        DefaultFundContributionRequired c = EventCodec.payload(e,
                                RiskEvents.DEFAULT_FUND_CONTRIBUTION_REQUIRED);
                        assertThat(r.key()).isEqualTo(c.memberId());
                        return c;
                    })
                    .filter(c -> c != null && c.sizingId() == sizingId)
                    .forEach(c -> found.put(c.memberId(), c.amount()));
            return found;
        }, found -> found.size() == members);
    }

    private static <P> List<P> find(Predicate<EventEnvelope> which,
                                    io.computeclearing.platform.events.EventType<P> type) {
        return TopicProbe.readAll(Topics.RISK, Duration.ofSeconds(1)).stream()
                .map(r -> EventCodec.decode(r.value())).filter(which)
                .map(e -> EventCodec.payload(e, type)).toList();
    }
}
