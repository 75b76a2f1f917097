package io.computeclearing.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import io.computeclearing.client.Accounts;
import io.computeclearing.client.BusinessDays;
import io.computeclearing.client.ClearingHouse;
import io.computeclearing.client.Collateral;
import io.computeclearing.client.DefaultFund;
import io.computeclearing.client.EndOfDay;
import io.computeclearing.client.Margin;
import io.computeclearing.client.MarginCalls;
import io.computeclearing.client.Positions;
import io.computeclearing.client.ProblemException;
import io.computeclearing.client.Recorded;
import io.computeclearing.client.Service;
import io.computeclearing.client.SettlementCycles;
import io.computeclearing.client.Statements;
import io.computeclearing.client.Trades;
import io.computeclearing.localstack.FireDrill;
import io.computeclearing.systemtest.DayAfterTheMonth.Trade;
import io.computeclearing.systemtest.Http.Response;
import io.computeclearing.systemtest.OpenApiOperations.Operation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The clearing house end to end, everything real: PostgreSQL, a Kafka broker, Keycloak with the repository's realm and
 * the five packaged services in their own JVMs, driven only through the public REST APIs with real tokens.
 *
 * <p>The scenario, in order: the local stack's demo month (members, accounts, collateral, JSON trades, positions, the
 * SPAN requirement arriving, five business days of settlement prices and end-of-day runs with variation margin, a
 * margin call issued and covered, index values published and computed, final settlement of the front months,
 * statements); then the day after the month: a trade through FIXML, a security matrix over every documented operation,
 * member isolation, and trades sent while settlement-service is stopped and while the broker is stopped; finally the
 * books are reconciled across the services: nothing lost, nothing counted twice. Every call but the security
 * matrix's goes through the typed Java client ({@code ccp-client}), as a member's system would make it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TradingMonthSystemTest {

    private static final Set<String> STAFF_AND_PROVIDER_USERS = Set.of("backoffice", "risk", "admin", "alice", "indexco");
    /** The realm role each test user holds (see local-stack/README.md). */
    private static final Map<String, String> ROLE_OF_USER = Map.of("backoffice", "back-office", "risk", "risk",
            "admin", "admin", "alice", "member", "indexco", "index-provider");

    private final Http http = new Http();
    private final ClearingHouse backOffice = http.as("backoffice");
    private final ClearingHouse alice = http.as("alice");
    private SystemStack stack;
    private long startedAt;
    private DayAfterTheMonth day;

    @RegisterExtension
    final TestWatcher logsOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (stack != null) {
                System.out.println("System test step failed: " + context.getDisplayName() + "; service logs follow"
                        + stack.logTails(40));
            }
        }
    };

    @BeforeAll
    void startEverything() {
        startedAt = System.nanoTime();
        stack = SystemStack.start();
        System.out.printf("system test: stack up after %.0f s%n", seconds());
    }

    @AfterAll
    void stopEverything() {
        if (stack != null) {
            stack.stop();
        }
        System.out.printf("system test: %.0f s in all (start, scenario, stop)%n", seconds());
    }

    @Test
    @Order(1)
    void demoMonthPlaysWithEveryStepPassing() {
        LocalDate firstBusinessDay = DayAfterTheMonth.firstBusinessDay();
        List<String> failed = stack.playDemo(firstBusinessDay);

        assertThat(failed).as("failed demo steps").isEmpty();
        day = DayAfterTheMonth.from(backOffice, firstBusinessDay);
        BusinessDays.BusinessDay open = backOffice.businessDays().open(day.date);
        assertThat(open.status()).isEqualTo(BusinessDays.Status.OPEN);
    }

    @Test
    @Order(2)
    void fixmlTradeCaptureReportBecomesPositionsOnceOnly() {
        Trade trade = day.fixmlTrade();
        String document = day.fixml(trade);

        Trades.FixmlResult first = backOffice.trades().submitFixml(document);
        Trades.FixmlResult again = backOffice.trades().submitFixml(document);

        assertThat(first.accepted()).as(first.toString()).isEqualTo(1);
        assertThat(again.duplicates()).as(again.toString()).isEqualTo(1);
        assertThat(again.accepted()).isZero();
        // 25 contracts: ALPHA-H long 25, BRAVO-H short 25, once although the report came twice.
        assertThat(netPosition("ALPHA-H", trade.instrumentId())).isEqualTo(25);
        assertThat(netPosition("BRAVO-H", trade.instrumentId())).isEqualTo(-25);
    }

    @Test
    @Order(3)
    void everyDocumentedOperationRefusesNoTokenAndRolesItDoesNotAllow() {
        List<Operation> operations = new ArrayList<>();
        Map<String, String> services = new LinkedHashMap<>();
        services.put("account-service", Http.ACCOUNT);
        services.put("clearing-service", Http.CLEARING);
        services.put("margin-service", Http.MARGIN);
        services.put("settlement-service", Http.SETTLEMENT);
        services.put("risk-service", Http.RISK);
        services.forEach((service, baseUrl) -> {
            Response document = http.openApi(baseUrl);
            assertThat(document.status()).as("the OpenAPI document is public: " + document).isEqualTo(200);
            operations.addAll(OpenApiOperations.of(service, baseUrl, document.json()));
        });

        List<String> wrong = new ArrayList<>();
        int memberRefusals = 0;
        for (Operation operation : operations) {
            if (!operation.documentsSecurity() || operation.roles().isEmpty()) {
                wrong.add(operation + ": documents no roles (every operation needs a token with a role)");
            }
            Response anonymous = http.raw(null, operation.method(), operation.url(), operation.contentType(),
                    operation.body(), operation.accept());
            if (anonymous.status() != 401) {
                wrong.add(operation + " without a token: expected 401, got " + anonymous);
            }
            for (String user : STAFF_AND_PROVIDER_USERS) {
                if (operation.roles().contains(ROLE_OF_USER.get(user))) {
                    continue;
                }
                Response refused = http.raw(http.token(user), operation.method(), operation.url(),
                        operation.contentType(), operation.body(), operation.accept());
                if (refused.status() != 403) {
                    wrong.add(operation + " as " + user + " (" + ROLE_OF_USER.get(user) + ", allowed "
                            + operation.roles() + "): expected 403, got " + refused);
                } else if (user.equals("alice")) {
                    memberRefusals++;
                }
            }
        }

        assertThat(wrong).as("security matrix over " + operations.size() + " operations").isEmpty();
        assertThat(operations).as("operations documented by the five services").hasSizeGreaterThan(60);
        assertThat(operations).extracting(Operation::toString).contains("clearing-service POST /trades",
                "clearing-service POST /trades/fixml", "account-service POST /accounts/{id}/deposits",
                "settlement-service POST /end-of-day/{businessDate}", "margin-service PUT /risk-parameters/{family}",
                "risk-service GET /accounts", "risk-service GET /parked-events");
        // A member token on back-office operations: trades, deposits, end of day, prices, days and more.
        assertThat(memberRefusals).as("operations that refused the member token with 403").isGreaterThan(30);
        System.out.printf("system test: security matrix over %d operations, %d refused a member token%n",
                operations.size(), memberRefusals);
    }

    @Test
    @Order(4)
    void memberAliceNeverSeesBravosData() {
        LocalDate monthEnd = lastClosedDay();
        Map<String, Function<ClearingHouse, ?>> bravoOnly = new LinkedHashMap<>();
        bravoOnly.put("account-service GET /members/BRAVO", house -> house.members().get("BRAVO"));
        bravoOnly.put("account-service GET /accounts/BRAVO-H", house -> house.accounts().get("BRAVO-H"));
        bravoOnly.put("account-service GET /accounts/BRAVO-H/balances", house -> house.accounts().balances("BRAVO-H"));
        bravoOnly.put("account-service GET /accounts/BRAVO-S/journal", house -> house.accounts().journal("BRAVO-S", 0, 50));
        bravoOnly.put("account-service GET /accounts/BRAVO-S/margin-requirement",
                house -> house.accounts().marginRequirement("BRAVO-S"));
        bravoOnly.put("account-service GET /accounts/BRAVO-S/cover", house -> house.accounts().cover("BRAVO-S"));
        bravoOnly.put("clearing-service GET /accounts/BRAVO-H",
                house -> house.accountDirectory(Service.CLEARING).get("BRAVO-H"));
        bravoOnly.put("margin-service GET /accounts/BRAVO-H",
                house -> house.accountDirectory(Service.MARGIN).get("BRAVO-H"));
        bravoOnly.put("margin-service GET /margin/accounts/BRAVO-H", house -> house.margin().account("BRAVO-H"));
        bravoOnly.put("settlement-service GET /accounts/BRAVO-H",
                house -> house.accountDirectory(Service.SETTLEMENT).get("BRAVO-H"));
        bravoOnly.put("settlement-service GET /statements/BRAVO-H/" + monthEnd,
                house -> house.statements().get("BRAVO-H", monthEnd));
        bravoOnly.put("settlement-service GET /statements/BRAVO-S/" + monthEnd,
                house -> house.statements().get("BRAVO-S", monthEnd));
        List<MarginCalls.MarginCall> calls = backOffice.marginCalls().list(null, "BRAVO-S");
        if (!calls.isEmpty()) {
            bravoOnly.put("account-service GET /margin-calls/" + calls.getFirst().id(),
                    house -> house.marginCalls().get(calls.getFirst().id()));
        }
        bravoOnly.forEach((what, read) -> {
            assertThat(read.apply(backOffice)).as("the back office reads " + what).isNotNull();
            assertRefusedAsNotFound("alice must not see BRAVO's data: " + what, () -> read.apply(alice));
        });

        // Lists filtered to BRAVO's accounts read as empty for alice, though the back office sees BRAVO's rows.
        Map<String, Function<ClearingHouse, List<?>>> filtered = Map.of(
                "clearing-service GET /positions?accountId=BRAVO-H",
                house -> house.positions().list(Positions.Filter.account("BRAVO-H")),
                "clearing-service GET /trades?accountId=BRAVO-H",
                house -> house.trades().legs(Trades.LegQuery.all().account("BRAVO-H")).items(),
                "account-service GET /margin-calls?accountId=BRAVO-S",
                house -> house.marginCalls().list(null, "BRAVO-S"));
        filtered.forEach((what, read) -> {
            assertThat(read.apply(backOffice)).as("back office sees BRAVO's rows at " + what).isNotEmpty();
            try {
                assertThat(read.apply(alice)).as("alice sees nothing at " + what).isEmpty();
            } catch (ProblemException refused) {
                assertThat(refused.status()).as("alice sees nothing: " + refused.getMessage()).isEqualTo(404);
            }
        });

        // What-if margin on BRAVO's account (where margin-service offers it): the back office gets an answer, alice 404.
        boolean whatIfDocumented = http.openApi(Http.MARGIN).json().path("paths").has("/margin/what-if");
        if (whatIfDocumented) {
            Margin.WhatIf whatIf = Margin.WhatIf.trades("BRAVO-H",
                    List.of(new Margin.HypotheticalTrade(day.gh100(), Trades.Side.BUY, 1)));
            assertThat(backOffice.margin().whatIf(whatIf).accountId()).isEqualTo("BRAVO-H");
            assertRefusedAsNotFound("alice must not see BRAVO's margin", () -> alice.margin().whatIf(whatIf));
        }

        // Unfiltered lists show alice her own member's rows only.
        Map<String, Supplier<List<?>>> unfiltered = new LinkedHashMap<>();
        unfiltered.put("account-service GET /accounts", () -> alice.accounts().list(null));
        unfiltered.put("account-service GET /margin-calls", () -> alice.marginCalls().list(null, null));
        unfiltered.put("clearing-service GET /positions", () -> alice.positions().list(Positions.Filter.all()));
        unfiltered.put("clearing-service GET /trades?size=1000",
                () -> alice.trades().legs(Trades.LegQuery.all().page(0, 1000)).items());
        unfiltered.put("clearing-service GET /give-ups", () -> alice.giveUps().list(null));
        unfiltered.forEach((what, read) ->
                assertThat(String.valueOf(read.get())).as("alice's view of " + what).doesNotContain("BRAVO"));
    }

    /**
     * Batch A with everything up; settlement-service stopped, batch B; margin-service stopped too, batch C, then the
     * broker stopped at once (C's events in the outbox or on the way); batch D and B again while the broker is down; the
     * broker and both services back; D again. Clearing takes trades throughout (its outbox holds the events).
     */
    @Test
    @Order(5)
    void tradesSentWhileSettlementIsStoppedAndTheBrokerIsDownAreClearedOnce() {
        assertBatch(day.batchA(), 2, 0);

        stack.stopService("settlement-service");
        assertBatch(day.batchB(), 3, 0);

        stack.stopService("margin-service");
        assertBatch(day.batchC(), 2, 0);
        stack.stopKafka();
        assertBatch(day.batchD(), 2, 0);
        assertThat(unpublishedEvents("clearing")).as("clearing's outbox keeps batch D's events while the broker is down")
                .isGreaterThanOrEqualTo(4);
        // The same batch again while the broker is down: acknowledged, nothing new.
        assertBatch(day.batchB(), 0, 3);
        stack.startKafka();
        stack.startService("settlement-service");
        stack.startService("margin-service");
        assertBatch(day.batchD(), 0, 2);

        BusinessDays.BusinessDay close = backOffice.businessDays().close(day.date);
        assertThat(close.status()).isEqualTo(BusinessDays.Status.CLOSED);
    }

    /**
     * Positions by hand from the day's ten trades (F1, A1-A2, B1-B3, C1-C2, D1-D2); ALPHA-C is a client omnibus
     * account and keeps gross long and short:
     * GH100: ALPHA-H +25 -10 -2 = +13; BRAVO-H -25 +10 -3 = -18; BRAVO-S +4 +2 = +6; ALPHA-C long 3, short 4.
     * GB200: ALPHA-C long 8, short 5; BRAVO-H -8 +5 = -3; ALPHA-H +6; BRAVO-S -6.
     * TKFRC: ALPHA-H +2 -1 = +1; BRAVO-CN -2 +1 = -1.
     */
    @Test
    @Order(6)
    void clearingMarginAndSettlementAgreeOnEveryPositionAfterTheFaults() throws SQLException {
        Map<String, long[]> expected = expectedPositions();

        assertThat(clearingPositions()).as("clearing-service positions of " + day.date).isEqualTo(asText(expected));

        // The replay of the accepted trades: every leg of the day, each trade exactly twice (buy and sell), and the
        // signed quantities summing to the positions.
        Trades.LegPage legs = backOffice.trades().legs(Trades.LegQuery.all().on(day.date).page(0, 1000));
        assertThat(legs.total()).as("legs of the day's 10 trades").isEqualTo(20);
        Map<String, Long> replay = new TreeMap<>();
        Map<String, Integer> legsPerTrade = new TreeMap<>();
        for (Trades.Leg leg : legs.items()) {
            long signed = leg.side() == Trades.Side.BUY ? leg.quantity() : -leg.quantity();
            replay.merge(leg.accountId() + " " + leg.instrumentId(), signed, Long::sum);
            legsPerTrade.merge(leg.exchangeTradeId(), 1, Integer::sum);
        }
        assertThat(legsPerTrade).hasSize(10).allSatisfy((trade, count) -> assertThat(count).as(trade).isEqualTo(2));
        Map<String, Long> expectedNet = new TreeMap<>();
        expected.forEach((key, quantities) -> expectedNet.put(key, quantities[0] - quantities[1]));
        assertThat(replay).isEqualTo(expectedNet);

        // Open interest: GH100 22 long / 22 short, GB200 14 / 14, TKFRC 1 / 1, each netting to zero; and every
        // instrument, the month's settled ones included, nets to zero.
        Map<String, String> interest = new TreeMap<>();
        for (Positions.OpenInterest instrument : backOffice.positions().openInterest(null)) {
            assertThat(instrument.netSum()).as(instrument.toString()).isZero();
            if (day.instruments.containsValue(instrument.instrumentId())) {
                interest.put(instrument.instrumentId(), instrument.totalLong() + "/" + instrument.totalShort());
            }
        }
        assertThat(interest).isEqualTo(Map.of(day.gh100(), "22/22", day.gb200(), "14/14", day.tkfrc(), "1/1"));

        // margin-service learnt the same positions from the PositionChanged events, each version once.
        Eventually.until("margin-service holds clearing's positions", this::marginPositions,
                positions -> positions.equals(asText(expected)));
    }

    /**
     * Variation margin of the day by hand, {@code signedQty x (S - tradePrice) x 1000} per leg at the settlement prices
     * GH100 2.700, GB200 5.200, TKFRC 55.50:
     * ALPHA-H USD 2,375 - 900 + 300 + 0 = 1,775.00; BRAVO-H USD -2,375 + 800 + 900 - 180 - 50 = -905.00;
     * ALPHA-C USD -800 - 200 + 180 + 50 = -770.00; BRAVO-S USD 200 - 300 + 0 = -100.00;
     * ALPHA-H CNY 800 - 150 = 650.00; BRAVO-CN CNY -800 + 150 = -650.00. Paid = received: 1,775.00 USD, 650.00 CNY.
     */
    @Test
    @Order(7)
    void endOfDayAfterTheFaultsPaysVariationMarginOnceAndTheLedgerBalances() throws SQLException {
        assertThat(backOffice.settlementPrices().publish(day.date, day.settlementPrices())).hasSize(3);

        // settlement-service may still be catching up on the events it missed (the day's BusinessDayClosed, trade
        // events): the run refuses with 409 until they are all there, and writes nothing meanwhile.
        RunAttempt run = Eventually.until("the end-of-day run of " + day.date + " has the day's close and every trade event",
                () -> RunAttempt.of(() -> backOffice.endOfDay().run(day.date)),
                attempt -> !attempt.waitsForEvents());
        assertThat(run.refusal()).as("the end-of-day run of " + day.date).isNull();
        assertThat(run.recorded().created()).as("the run of " + day.date + " is new").isTrue();

        EndOfDay.Run view = backOffice.endOfDay().get(day.date);
        Map<String, String> postings = new TreeMap<>();
        for (EndOfDay.Posting posting : view.postings()) {
            postings.put(posting.kind() + " " + posting.accountId() + " " + posting.currency(), cents(posting.amount()));
        }
        assertThat(postings).isEqualTo(Map.of(
                "VARIATION_MARGIN ALPHA-H USD", "1775.00", "VARIATION_MARGIN BRAVO-H USD", "-905.00",
                "VARIATION_MARGIN ALPHA-C USD", "-770.00", "VARIATION_MARGIN BRAVO-S USD", "-100.00",
                "VARIATION_MARGIN ALPHA-H CNY", "650.00", "VARIATION_MARGIN BRAVO-CN CNY", "-650.00"));
        Map<String, String> totals = new TreeMap<>();
        for (EndOfDay.Total total : view.totals()) {
            assertThat(total.net()).as(total.toString()).isZero();
            totals.put(total.kind() + " " + total.currency(), cents(total.paid()) + "/" + cents(total.received()));
        }
        assertThat(totals).isEqualTo(Map.of("VARIATION_MARGIN USD", "1775.00/1775.00", "VARIATION_MARGIN CNY", "650.00/650.00"));

        // Statements: settlement-service's end-of-day positions are clearing's.
        Map<String, long[]> expected = expectedPositions();
        Map<String, Long> statementPositions = new TreeMap<>();
        for (String account : List.of("ALPHA-H", "ALPHA-C", "BRAVO-H", "BRAVO-S", "BRAVO-CN")) {
            for (Statements.Position position : backOffice.statements().get(account, day.date).positions()) {
                if (day.instruments.containsValue(position.instrumentId())) {
                    statementPositions.put(account + " " + position.instrumentId(), position.endOfDay());
                }
            }
        }
        Map<String, Long> expectedNet = new TreeMap<>();
        expected.forEach((key, quantities) -> expectedNet.put(key, quantities[0] - quantities[1]));
        assertThat(statementPositions).isEqualTo(expectedNet);

        // account-service books each posting once; the CCP's settlement account nets to zero per currency over the
        // month's runs and this one.
        Eventually.until("account-service booked the 6 variation margin postings of " + day.date,
                () -> bookedPostings(day.date), booked -> booked.equals(postings));
        assertThat(ccpSettlementBalances()).allSatisfy((currency, balance) ->
                assertThat(balance).as("CCP settlement account in " + currency).isZero());
    }

    /**
     * Every run and intraday cycle of the month and of the day after: each kind of cash sums to zero per currency, and
     * every non-zero posting settlement-service made is booked in account-service exactly once, with the same amount.
     * The intraday cycle's calls, snapshots and statements agree to the cent.
     */
    @Test
    @Order(8)
    void everyRunIsZeroSumAndEveryPostingIsBookedOnce() {
        List<LocalDate> closed = new ArrayList<>();
        for (BusinessDays.BusinessDay businessDay : backOffice.businessDays().list(BusinessDays.Status.CLOSED)) {
            closed.add(businessDay.date());
        }
        assertThat(closed).as("the month's business days and the day after").hasSizeGreaterThanOrEqualTo(2).contains(day.date);
        int postingsChecked = 0;
        int intradayCycles = 0;
        for (LocalDate date : closed) {
            EndOfDay.Run run = backOffice.endOfDay().get(date);
            for (EndOfDay.Total total : run.totals()) {
                assertThat(total.net()).as(date + " " + total).isZero();
                assertThat(total.paid()).as(date + " " + total).isEqualByComparingTo(total.received());
            }
            Map<String, String> published = new TreeMap<>();
            for (EndOfDay.Posting posting : run.postings()) {
                if (posting.amount().signum() != 0) {
                    published.put(posting.postingId(), cents(posting.amount()));
                }
            }
            for (SettlementCycles.Cycle cycle : backOffice.settlementCycles().ofDate(date)) {
                intradayCycles++;
                reconcileIntradayCycle(cycle);
                for (SettlementCycles.Posting posting : cycle.postings()) {
                    if (posting.amount().signum() != 0) {
                        published.put(posting.postingId(), cents(posting.amount()));
                    }
                }
            }
            Map<String, String> booked = Eventually.until("account-service booked the postings of " + date,
                    () -> bookedPostingsById(date), b -> b.keySet().equals(published.keySet()));
            assertThat(booked).as("postings of " + date + " in account-service").isEqualTo(published);
            postingsChecked += published.size();
        }
        assertThat(postingsChecked).as("non-zero postings over the month").isGreaterThan(10);
        assertThat(intradayCycles).as("the demo's intraday cycle on the day of the drop").isEqualTo(1);
        for (String database : List.of("account", "clearing", "margin", "settlement", "risk")) {
            Eventually.until("every event in the outbox of " + database + " is published",
                    () -> unpublishedEvents(database), unpublished -> unpublished == 0);
        }
        System.out.printf("system test: %d runs, %d postings reconciled; scenario done after %.0f s%n", closed.size(),
                postingsChecked, seconds());
    }

    /**
     * risk-service ran a stress test after every end of day of the scenario (started by settlement-service's
     * {@code EndOfDayRunCompleted}); each scenario's Cover-2 is its two largest uncovered group losses and the run's is
     * the largest over the scenarios. A member reads its own losses only.
     */
    @Test
    @Order(9)
    void aStressRunFollowsEveryEndOfDayAndAMemberReadsOnlyItsOwnLosses() {
        Set<LocalDate> settled = new TreeSet<>();
        for (BusinessDays.BusinessDay businessDay : backOffice.businessDays().list(BusinessDays.Status.CLOSED)) {
            settled.add(businessDay.date());
        }
        String risk = http.token("risk");
        JsonNode runs = Eventually.until("a stress run for each of the " + settled.size() + " end-of-day runs",
                () -> http.raw(risk, "GET", Http.RISK + "/stress-runs?size=200", null, null, "application/json").json(),
                list -> stressedDates(list).containsAll(settled));
        // The newest: the day after the month, when both members hold positions in the next months.
        JsonNode latest = runs.get(0);
        assertThat(latest.path("businessDate").asText()).isEqualTo(day.date.toString());
        long runId = latest.path("runId").asLong();

        JsonNode run = http.raw(risk, "GET", Http.RISK + "/stress-runs/" + runId, null, null, "application/json").json();
        BigDecimal largest = BigDecimal.ZERO;
        for (JsonNode scenario : run.path("scenarios")) {
            List<BigDecimal> uncovered = new ArrayList<>();
            scenario.path("groups").forEach(group -> uncovered.add(group.path("uncovered").decimalValue()));
            uncovered.sort(Comparator.reverseOrder());
            BigDecimal cover2 = uncovered.stream().limit(2).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(scenario.path("cover2").decimalValue()).as(scenario.path("scenarioId").asText())
                    .isEqualByComparingTo(cover2);
            largest = largest.max(cover2);
        }
        assertThat(run.path("scenarios")).as("the default scenarios").hasSizeGreaterThanOrEqualTo(5);
        assertThat(run.path("run").path("cover2").decimalValue()).isEqualByComparingTo(largest);

        String alice = http.token("alice");
        Response own = http.raw(alice, "GET", Http.RISK + "/stress-runs/" + runId + "/members/ALPHA", null, null,
                "application/json");
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.json().path("memberId").asText()).isEqualTo("ALPHA");
        Response bravos = http.raw(alice, "GET", Http.RISK + "/stress-runs/" + runId + "/members/BRAVO", null, null,
                "application/json");
        assertThat(bravos.status()).as("alice must not see BRAVO's stress losses: " + bravos).isEqualTo(404);
        Response whole = http.raw(alice, "GET", Http.RISK + "/stress-runs/" + runId, null, null, "application/json");
        assertThat(whole.status()).as("alice must not see every member's losses: " + whole).isEqualTo(403);
        System.out.printf("system test: %d stress runs; the latest (%s) Cover-2 %s USD%n", runs.size(),
                latest.path("businessDate").asText(), largest.toPlainString());
    }

    private static Set<LocalDate> stressedDates(JsonNode runs) {
        Set<LocalDate> dates = new TreeSet<>();
        runs.forEach(run -> {
            if (run.path("trigger").asText().equals("END_OF_DAY")) {
                dates.add(LocalDate.parse(run.path("businessDate").asText()));
            }
        });
        return dates;
    }

    /**
     * The risk officer sizes the default fund over the month's daily stress runs (again: the demo sized it and paid
     * its calls): the contributions add up to the fund; account-service takes each member's new requirement and calls
     * for what the member does not hold yet, and the back office's payment settles the call, so every member ends
     * holding its requirement. A member reads its own contribution line only.
     */
    @Test
    @Order(10)
    void aFundSizingCallsForContributionsAndTheirPaymentSettlesTheCalls() {
        DefaultFund.SizingView sized = http.as("risk").defaultFund().size();
        long sizingId = sized.sizing().sizingId();
        BigDecimal fund = sized.sizing().fundSize();
        Map<String, BigDecimal> required = new TreeMap<>();
        sized.contributions().forEach(c -> required.put(c.memberId(), c.amount()));
        assertThat(required.keySet()).as("the members the month's runs revalued").contains("ALPHA", "BRAVO");
        assertThat(required.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .as("the contributions add up exactly to the fund").isEqualByComparingTo(fund);

        required.forEach((member, amount) -> {
            DefaultFund.Position position = Eventually.until("account-service takes " + member + "'s requirement "
                    + amount, () -> backOffice.defaultFund().position(member),
                    p -> p.sizingId() != null && p.sizingId() == sizingId);
            assertThat(position.required()).isEqualByComparingTo(amount);
            DefaultFund.ContributionCall call = position.outstandingCall();
            if (position.held().compareTo(amount) >= 0) {
                assertThat(call).as(member + " holds enough: no call").isNull();
                return;
            }
            assertThat(call.required()).isEqualByComparingTo(amount);
            Recorded<Accounts.JournalEntry> paid = backOffice.defaultFund().contribute(member,
                    "systest-fund-" + sizingId + "-" + member,
                    new Collateral.CashMovement("USD", call.amount(), "system test sizing " + sizingId));
            assertThat(paid.replayed()).isFalse();
            Eventually.until("the payment settles " + member + "'s contribution call",
                    () -> backOffice.defaultFund().call(call.id()).status(), "SETTLED"::equals);
        });
        required.forEach((member, amount) -> assertThat(backOffice.defaultFund().position(member).held())
                .as(member + " holds its contribution").isGreaterThanOrEqualTo(amount));

        assertThat(alice.defaultFund().memberLine(sizingId, "ALPHA").contribution().amount())
                .isEqualByComparingTo(required.get("ALPHA"));
        ProblemException bravos = catchThrowableOfType(ProblemException.class,
                () -> alice.defaultFund().memberLine(sizingId, "BRAVO"));
        assertThat(bravos.status()).as("alice must not see BRAVO's contribution").isEqualTo(404);
        System.out.printf("system test: default fund %s USD over %d members, every contribution call paid%n",
                fund.toPlainString(), required.size());
    }

    /**
     * After the month and the faults every service, risk-service included, is started, live and ready: anyone reads
     * the status only, the admin reads the checks, among them the parked events (none parked in the whole scenario).
     */
    @Test
    @Order(11)
    void everyServiceIsHealthyAndShowsItsChecksToTheAdminOnly() {
        Map<String, String> services = new LinkedHashMap<>();
        services.put("account-service", Http.ACCOUNT);
        services.put("clearing-service", Http.CLEARING);
        services.put("margin-service", Http.MARGIN);
        services.put("settlement-service", Http.SETTLEMENT);
        services.put("risk-service", Http.RISK);
        assertThat(services.keySet()).containsExactlyElementsOf(SystemStack.SERVICES);
        services.forEach((service, baseUrl) -> {
            for (String probe : List.of("/q/health/started", "/q/health/live", "/q/health/ready")) {
                Response anonymous = http.raw(null, "GET", baseUrl + probe, null, null, "application/json");
                assertThat(anonymous.status()).as(service + " " + anonymous).isEqualTo(200);
                assertThat(anonymous.body()).as(service + probe + " shows the status only").isEqualTo("{\"status\":\"UP\"}");
            }
            Response admin = http.raw(http.token("admin"), "GET", baseUrl + "/q/health/ready", null, null,
                    "application/json");
            assertThat(admin.status()).as(service + " " + admin).isEqualTo(200);
            assertThat(admin.json().path("checks")).as(service + " readiness checks for the admin").isNotEmpty()
                    .allSatisfy(check -> assertThat(check.path("status").asText()).as(check.toString()).isEqualTo("UP"));
            JsonNode parked = null;
            for (JsonNode check : admin.json().path("checks")) {
                if (check.path("name").asText().equals("Parked events")) {
                    parked = check;
                }
            }
            assertThat(parked).as(service + " reports its parked events").isNotNull();
            assertThat(parked.path("data").path("parked").asLong()).as(service + " " + parked).isZero();
        });
    }

    /**
     * After the others, since it ends BRAVO's business: the fire drill ({@link DefaultDrill}). BRAVO misses a margin call, the
     * escalation proposes its default and a person approves it; BRAVO's client account is ported to ALPHA with
     * clearing-service and account-service stopped half way; the rest is auctioned by family; the next end of day
     * settles the close-out and the default waterfall posts; the books reconcile.
     */
    @Test
    @Order(12)
    void aMemberThatMissesAMarginCallIsDeclaredInDefaultAndItsDefaultIsManagedToTheEnd() {
        long defaultId = new DefaultDrill(stack, day, http).play();
        assertTheBookIsFlat();
        System.out.printf("system test: default case %d of BRAVO managed to the end after %.0f s%n", defaultId,
                seconds());
    }

    /**
     * After BRAVO's, the demo's fire drill on members of its own ({@link HandComputedDefault}): three members, a client
     * ported, the house auctioned in two lots away from settlement, the loss through the defaulter's margin and
     * contribution into the survivors' contributions; every amount checked against a hand computation.
     */
    @Test
    @Order(13)
    void aDefaultComputedByHandPostsEveryAmountToTheCent() {
        FireDrill.Outcome drill = new HandComputedDefault(day, http).playAndCheck();
        assertTheBookIsFlat();
        System.out.printf("system test: default case %d of CHARLIE computed by hand after %.0f s%n",
                drill.defaultCase().defaultId(), seconds());
    }

    /** Every instrument's open interest nets to zero and the CCP's settlement account holds nothing in any currency. */
    private void assertTheBookIsFlat() {
        for (Positions.OpenInterest instrument : backOffice.positions().openInterest(null)) {
            assertThat(instrument.netSum()).as(instrument.toString()).isZero();
        }
        try {
            assertThat(ccpSettlementBalances()).allSatisfy((currency, balance) ->
                    assertThat(balance).as("CCP settlement account in " + currency).isZero());
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private void assertBatch(List<Trade> trades, int accepted, int duplicates) {
        Trades.BatchResult batch = backOffice.trades().submitBatch(trades.stream().map(t -> t.report(day.date)).toList());
        assertThat(batch.accepted()).as(batch.toString()).isEqualTo(accepted);
        assertThat(batch.duplicates()).as(batch.toString()).isEqualTo(duplicates);
        assertThat(batch.rejected()).as(batch.toString()).isZero();
    }

    /** A member's read of another member's data answers 404 (not 403: it must not even learn that it exists). */
    private static void assertRefusedAsNotFound(String what, Runnable read) {
        assertThatThrownBy(read::run).as(what).isInstanceOfSatisfying(ProblemException.class,
                refused -> assertThat(refused.status()).as(what + ": " + refused.getMessage()).isEqualTo(404));
    }

    /** One end-of-day run request: the run, or the refusal it met. */
    private record RunAttempt(Recorded<EndOfDay.Run> recorded, ProblemException refusal) {

        static RunAttempt of(Supplier<Recorded<EndOfDay.Run>> run) {
            try {
                return new RunAttempt(run.get(), null);
            } catch (ProblemException refused) {
                return new RunAttempt(null, refused);
            }
        }

        /** Refused because settlement-service has not yet had the day's close or every trade event. */
        boolean waitsForEvents() {
            return refusal != null && refusal.status() == 409 && (refusal.isType("/problems/business-day-open")
                    || refusal.isType("/problems/trade-events-missing"));
        }

        @Override
        public String toString() {
            return refusal != null ? refusal.getMessage() : "run " + (recorded.created() ? "created" : "replayed");
        }
    }

    private long netPosition(String account, String instrument) {
        List<Positions.Position> positions = backOffice.positions()
                .list(Positions.Filter.account(account).andInstrument(instrument));
        assertThat(positions).as("positions of " + account + " in " + instrument).hasSize(1);
        return positions.getFirst().netQuantity();
    }

    /** Expected {long, short} per "account instrument"; netting accounts show only one side. */
    private Map<String, long[]> expectedPositions() {
        Map<String, long[]> expected = new TreeMap<>();
        expected.put("ALPHA-H " + day.gh100(), new long[] {13, 0});
        expected.put("BRAVO-H " + day.gh100(), new long[] {0, 18});
        expected.put("BRAVO-S " + day.gh100(), new long[] {6, 0});
        expected.put("ALPHA-C " + day.gh100(), new long[] {3, 4});
        expected.put("ALPHA-C " + day.gb200(), new long[] {8, 5});
        expected.put("BRAVO-H " + day.gb200(), new long[] {0, 3});
        expected.put("ALPHA-H " + day.gb200(), new long[] {6, 0});
        expected.put("BRAVO-S " + day.gb200(), new long[] {0, 6});
        expected.put("ALPHA-H " + day.tkfrc(), new long[] {1, 0});
        expected.put("BRAVO-CN " + day.tkfrc(), new long[] {0, 1});
        return expected;
    }

    private static Map<String, String> asText(Map<String, long[]> positions) {
        Map<String, String> text = new TreeMap<>();
        positions.forEach((key, q) -> text.put(key, "long " + q[0] + " short " + q[1]));
        return text;
    }

    private Map<String, String> clearingPositions() {
        Map<String, String> positions = new TreeMap<>();
        for (String instrument : day.instruments.values()) {
            for (Positions.Position p : backOffice.positions().list(Positions.Filter.instrument(instrument))) {
                positions.put(p.accountId() + " " + instrument,
                        "long " + p.longQuantity() + " short " + p.shortQuantity());
            }
        }
        return positions;
    }

    private Map<String, String> marginPositions() {
        Map<String, String> positions = new TreeMap<>();
        try (Connection margin = SystemStack.database("margin"); Statement query = margin.createStatement();
             ResultSet rows = query.executeQuery("select account_id, instrument_id, long_quantity, short_quantity "
                     + "from account_position where instrument_id in ('" + String.join("','", day.instruments.values())
                     + "')")) {
            while (rows.next()) {
                positions.put(rows.getString(1) + " " + rows.getString(2),
                        "long " + rows.getLong(3) + " short " + rows.getLong(4));
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot read margin-service's positions: " + e.getMessage(), e);
        }
        return positions;
    }

    /** Non-zero settlement postings booked by account-service for the date; one booked twice would show "twice". */
    /**
     * An intraday cycle reconciled: zero-sum per currency; each account's posting is the sum of its statement's cycle
     * lines; each account the cycle called has a call whose amount, requirement and collateral are the cycle
     * snapshot's (the call may since have been raised by a later cycle, then it names that cycle).
     */
    private void reconcileIntradayCycle(SettlementCycles.Cycle cycle) {
        for (SettlementCycles.Total total : cycle.totals()) {
            assertThat(total.net()).as(cycle.cycleId() + " " + total).isZero();
        }
        for (SettlementCycles.Posting posting : cycle.postings()) {
            Statements.CyclePosting line = backOffice.statements().cycles(posting.accountId(), cycle.businessDate())
                    .stream().filter(p -> p.postingId().equals(posting.postingId())).findFirst().orElseThrow();
            assertThat(line.amount()).as(posting.postingId()).isEqualByComparingTo(posting.amount());
            assertThat(line.lines().stream().map(Statements.CycleLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .as(posting.postingId() + " lines").isEqualByComparingTo(posting.amount());
        }
        int called = 0;
        for (String account : cycle.postings().stream().map(SettlementCycles.Posting::accountId).distinct().toList()) {
            Accounts.SettlementCycle snapshot = Eventually.until(account + " decided at " + cycle.cycleId(),
                    () -> backOffice.accounts().settlementCycles(account).stream()
                            .filter(c -> c.cycleId().equals(cycle.cycleId())).findFirst().orElse(null),
                    c -> c != null && c.decidedAt() != null);
            if (!"CALLED".equals(snapshot.status())) {
                continue;
            }
            called++;
            MarginCalls.MarginCall call = backOffice.marginCalls().get(snapshot.callId());
            Accounts.SettlementCycle setBy = backOffice.accounts().settlementCycles(account).stream()
                    .filter(c -> c.cycleId().equals(call.cycleId())).findFirst().orElseThrow();
            assertThat(call.amount()).as(account + " call").isEqualByComparingTo(
                    setBy.excess().negate().setScale(2, RoundingMode.CEILING));
            assertThat(call.requirement()).as(account + " call requirement").isEqualByComparingTo(setBy.requirement());
            assertThat(call.collateralValue()).as(account + " call collateral")
                    .isEqualByComparingTo(setBy.collateralValue());
        }
        System.out.printf("system test: intraday cycle %s, %d postings, %d accounts called, reconciled%n",
                cycle.cycleId(), cycle.postings().size(), called);
    }

    /** account-service's non-zero settlement postings of the date, by posting id. */
    private Map<String, String> bookedPostingsById(LocalDate date) {
        Map<String, String> booked = new TreeMap<>();
        try (Connection account = SystemStack.database("account"); Statement query = account.createStatement();
             ResultSet rows = query.executeQuery("select posting_id, amount from settlement_posting "
                     + "where business_date = date '" + date + "' and amount <> 0")) {
            while (rows.next()) {
                booked.put(rows.getString(1), cents(rows.getBigDecimal(2)));
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot read account-service's settlement postings: " + e.getMessage(), e);
        }
        return booked;
    }

    private Map<String, String> bookedPostings(LocalDate date) {
        Map<String, String> booked = new TreeMap<>();
        try (Connection account = SystemStack.database("account"); Statement query = account.createStatement();
             ResultSet rows = query.executeQuery("select kind, account_id, currency, amount from settlement_posting "
                     + "where business_date = date '" + date + "'")) {
            while (rows.next()) {
                if (rows.getBigDecimal(4).signum() != 0) {
                    booked.merge(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3),
                            cents(rows.getBigDecimal(4)), (first, second) -> "twice: " + first + ", " + second);
                }
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot read account-service's settlement postings: " + e.getMessage(), e);
        }
        return booked;
    }

    /** Events a service recorded in its transactional outbox that the relay has not yet handed to Kafka. */
    private static long unpublishedEvents(String database) {
        try (Connection connection = SystemStack.database(database); Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("select count(*) from outbox_event where published_at is null")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError("cannot read the outbox of " + database + ": " + e.getMessage(), e);
        }
    }

    /** The balance of the CCP's settlement account per currency: what it paid out minus what it took in. */
    private Map<String, BigDecimal> ccpSettlementBalances() throws SQLException {
        Map<String, BigDecimal> balances = new TreeMap<>();
        try (Connection account = SystemStack.database("account"); Statement query = account.createStatement();
             ResultSet rows = query.executeQuery("select asset, sum(quantity) from journal_posting "
                     + "where book = 'CCP_SETTLEMENT' group by asset")) {
            while (rows.next()) {
                balances.put(rows.getString(1), rows.getBigDecimal(2));
            }
        }
        assertThat(balances).as("the CCP settlement account has cash in USD and CNY").containsKeys("USD", "CNY");
        return balances;
    }

    /** An amount in USD or CNY as the ledger keeps it: two decimals, exact (a fraction of a cent fails). */
    private static String cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** The last business day of the demo month (closed, with its statements). */
    private LocalDate lastClosedDay() {
        LocalDate latest = null;
        for (BusinessDays.BusinessDay closed : backOffice.businessDays().list(BusinessDays.Status.CLOSED)) {
            LocalDate date = closed.date();
            latest = latest == null || date.isAfter(latest) ? date : latest;
        }
        assertThat(latest).as("a closed business day").isNotNull();
        return latest;
    }

    private double seconds() {
        return (System.nanoTime() - startedAt) / 1e9;
    }
}
