package io.computeclearing.localstack;

import io.computeclearing.client.Accounts;
import io.computeclearing.client.BusinessDays;
import io.computeclearing.client.Catalogue;
import io.computeclearing.client.ClearingHouse;
import io.computeclearing.client.Collateral;
import io.computeclearing.client.EndOfDay;
import io.computeclearing.client.FinalSettlements;
import io.computeclearing.client.Indices;
import io.computeclearing.client.MarginCalls;
import io.computeclearing.client.ProblemException;
import io.computeclearing.client.SettlementCycles;
import io.computeclearing.client.SettlementPrices;
import io.computeclearing.client.Statements;
import io.computeclearing.client.Trades;
import io.computeclearing.localstack.Demo.Answer;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static io.computeclearing.localstack.Demo.money;

/**
 * The rest of the demo month, from today to the front months' last trading day: each business day is closed, the
 * back office publishes settlement prices and runs the end of day (variation margin into the members' ledgers); the
 * thin account BRAVO-S falls short after a price drop, gets a margin call and covers it; the index provider publishes
 * the GPU rental index every day of the month and the CNY token index is computed from a panel; on the last trading
 * day the front months settle finally against their indices; the members read their statements. Every step is safe to
 * replay: a closed day, a published price (409 after its run), a repeated run (200, nothing new) count as done.
 */
final class DemoMonth {

    /** Daily settlement prices of the front months: a drop on the second day, then a steady recovery. */
    private static final Map<String, PricePath> PRICES = Map.of(
            "GH100", new PricePath("2.600", "2.100", "0.050"),
            "GB200", new PricePath("5.310", "5.250", "0.030"),
            "TKFRC", new PricePath("55.00", "54.50", "0.10"));
    private static final Map<String, String> INDEX_OF_FAMILY = Map.of(
            "GH100", "SDH100RT", "GB200", "SDB200RT", "TKFRC", "TOKEN-FRONTIER-CNY");
    private static final Duration EVENTS_TIMEOUT = Duration.ofSeconds(40);
    /** GH100 at midday of the drop, when the intraday settlement cycle runs. */
    private static final BigDecimal INTRADAY_GH100 = new BigDecimal("2.150");

    private final Demo demo;
    private final PrintStream out;
    private final LocalDate today;

    DemoMonth(Demo demo, PrintStream out, LocalDate today) {
        this.today = today;
        this.demo = demo;
        this.out = out;
    }

    /** @param frontMonths the front-month instrument of each family, as clearing-service lists it */
    void run(Map<String, Catalogue.Instrument> frontMonths, ClearingHouse backOffice, ClearingHouse alice,
             ClearingHouse bob, ClearingHouse indexProvider) {
        LocalDate lastTradingDay = frontMonths.values().stream()
                .map(Catalogue.Instrument::lastTradingDay).max(LocalDate::compareTo).orElseThrow();
        List<LocalDate> days = weekdays(today, lastTradingDay);
        out.println();
        out.println("DEMO MONTH: " + days.size() + " business days " + today + " .. " + lastTradingDay
                + " (last trading day of " + String.join(", ", frontMonths.keySet().stream()
                .map(f -> frontMonths.get(f).id()).sorted().toList()) + ")");

        publishIndexValues(frontMonths, indexProvider, backOffice, lastTradingDay);
        for (int day = 0; day < days.size(); day++) {
            LocalDate date = days.get(day);
            if (day > 0) {
                tradeDay(backOffice, date, day, frontMonths);
            }
            if (day == 1) {
                intradayCycle(backOffice, date, frontMonths);
            }
            Answer<BusinessDays.BusinessDay> close = Demo.attempt(() -> backOffice.businessDays().close(date));
            if (!close.ok()) {
                demo.step(false, "POST /business-days/" + date + "/close (clearing-service)", close);
                return;
            }
            publishPrices(backOffice, date, day, frontMonths);
            if (!endOfDay(backOffice, date)) {
                return;
            }
            if (day == 1) {
                marginCallAndCover(backOffice, alice, bob, date);
            }
        }
        showFinalSettlements(backOffice, frontMonths);
        showStatement(alice, "alice", "ALPHA-H", lastTradingDay);
        if (days.size() > 1) {
            showStatement(bob, "bob", "BRAVO-S", days.get(1));
        }
        if (bob != null) {
            Answer<Statements.Statement> hidden = Demo.attempt(() -> bob.statements().get("ALPHA-H", lastTradingDay));
            demo.step(hidden.status() == 404, "bob cannot read ALPHA-H's statement: GET /statements/ALPHA-H/"
                    + lastTradingDay + " -> " + hidden.status(), hidden.status() == 404 ? null : hidden);
        }
    }

    /** Weekdays from {@code from} to {@code to}, both included. */
    private static List<LocalDate> weekdays(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(d);
            }
        }
        return days;
    }

    /**
     * The index provider publishes the GPU rental indices for every weekday of the contract month (their futures settle
     * on the monthly average); the CNY token index of the last trading day is computed by settlement-service from a
     * panel of five providers' billed prices, one of them an outlier the methodology leaves out.
     */
    private void publishIndexValues(Map<String, Catalogue.Instrument> frontMonths, ClearingHouse indexProvider,
                                    ClearingHouse backOffice, LocalDate lastTradingDay) {
        int published = 0;
        Answer<Indices.IndexValue> last = null;
        for (String family : List.of("GH100", "GB200")) {
            if (!frontMonths.containsKey(family)) {
                continue;
            }
            String index = INDEX_OF_FAMILY.get(family);
            BigDecimal base = new BigDecimal(family.equals("GH100") ? "2.3000" : "5.1000");
            for (LocalDate date : weekdays(lastTradingDay.withDayOfMonth(1), lastTradingDay)) {
                // a small weekly pattern around the base: +0.0000 .. +0.0400
                BigDecimal value = base.add(new BigDecimal("0.0100").multiply(BigDecimal.valueOf(date.getDayOfMonth() % 5)));
                last = Demo.recorded(() -> indexProvider.indices()
                        .publishValue(index, new Indices.NewValue(date, value, null)));
                if (last.ok()) {
                    published++;
                } else {
                    break;
                }
            }
        }
        demo.step(last != null && last.ok(), "indexco (role index-provider) publishes "
                + published + " daily values of SDH100RT and SDB200RT for the contract month", last);

        if (frontMonths.containsKey("TKFRC")) {
            computeTokenIndex(backOffice, lastTradingDay);
        }
    }

    private void computeTokenIndex(ClearingHouse backOffice, LocalDate date) {
        String index = "TOKEN-FRONTIER-CNY";
        String path = "/indices/" + index;
        Answer<List<Indices.IndexValue>> existing = Demo.attempt(() -> backOffice.indices().values(index, date, date));
        if (existing.ok() && !existing.value().isEmpty()) {
            demo.pass(index + " for " + date + " already computed: " + existing.value().getFirst().value());
            return;
        }
        var observedAt = date.atTime(5, 30).toInstant(ZoneOffset.UTC);
        List<Indices.Observation> panel = new ArrayList<>();
        String[][] quotes = {{"provider-a", "54.80", "1200"}, {"provider-b", "55.10", "800"},
                {"provider-c", "54.95", "1500"}, {"provider-d", "55.30", "400"}, {"provider-e", "71.00", "300"}};
        for (String[] quote : quotes) {
            panel.add(new Indices.Observation("demo-" + date + "-" + quote[0], quote[0], "TRANSACTION",
                    new BigDecimal(quote[1]), new BigDecimal(quote[2]), observedAt));
        }
        Answer<Indices.ObservationsStored> submitted = Demo.attempt(() -> backOffice.indices()
                .submitObservations(index, panel));
        demo.step(submitted.ok(), "POST " + path
                + "/observations: 5 providers' billed prices for " + date + " (provider-e at 71.00 is an outlier)",
                submitted);
        Answer<Indices.Computation> computed = Demo.recorded(() -> backOffice.indices()
                .compute(index, new Indices.ComputationRequest(date, null, null)));
        Indices.Computation value = computed.value();
        demo.step(computed.ok(), "POST " + path + "/computations for " + date
                + ": volume-weighted median " + (value == null || value.value() == null ? "?" : value.value().toPlainString())
                + " CNY (method " + (value == null || value.methodology() == null ? "?" : value.methodology()) + ")",
                computed);
    }

    /** The second day has two more trades: a token future away from its settlement price, and GH100 in BRAVO-S. */
    private void tradeDay(ClearingHouse backOffice, LocalDate date, int day, Map<String, Catalogue.Instrument> frontMonths) {
        Answer<BusinessDays.BusinessDay> open = Demo.attempt(() -> backOffice.businessDays().open(date));
        if (open.status() == 409) {
            demo.pass(date + " was closed by an earlier demo run: replaying its prices and run only");
            return;
        }
        demo.step(open.ok(), "POST /business-days/" + date + "/open", open);
        if (day != 1 || !frontMonths.containsKey("TKFRC")) {
            return;
        }
        String tkfrc = frontMonths.get("TKFRC").id();
        List<Trades.TradeReport> trades = List.of(
                DemoTrades.trade("DEMO-" + date + "-1", tkfrc, 1, "54.80", "ALPHA-H", "BRAVO-CN", date));
        Answer<Trades.BatchResult> batch = Demo.attempt(() -> backOffice.trades().submitBatch(trades));
        demo.step(batch.ok() && batch.value().rejected() == 0,
                "POST /trades/batch " + date + ": ALPHA-H buys 1 " + tkfrc + " at 54.80 (settles at 54.50)", batch);
    }

    /** Settlement prices for every front month still trading on the date (on its last day the index settles it). */
    private void publishPrices(ClearingHouse backOffice, LocalDate date, int day,
                               Map<String, Catalogue.Instrument> frontMonths) {
        List<SettlementPrices.NewPrice> prices = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        frontMonths.forEach((family, instrument) -> {
            if (date.isBefore(instrument.lastTradingDay())) {
                BigDecimal price = PRICES.get(family).on(day);
                prices.add(new SettlementPrices.NewPrice(instrument.id(), price));
                shown.add(instrument.id() + " " + price.toPlainString());
            }
        });
        if (prices.isEmpty()) {
            return;
        }
        Answer<List<SettlementPrices.SettlementPrice>> response = Demo.attempt(() -> backOffice.settlementPrices()
                .publish(date, prices));
        boolean ok = response.ok() || response.status() == 409;
        demo.step(ok, "POST /settlement-prices/" + date + " " + String.join(", ", shown)
                + (response.status() == 409 ? " (already settled earlier)" : ""), ok ? null : response);
    }

    /** The run waits until settlement-service has every trade event of the closed day: retried while it says so. */
    private boolean endOfDay(ClearingHouse backOffice, LocalDate date) {
        Answer<EndOfDay.Run> run = retryWhile(() -> Demo.recorded(() -> backOffice.endOfDay().run(date)),
                r -> r.status() == 409);
        List<String> totals = new ArrayList<>();
        if (run.ok()) {
            for (EndOfDay.Total total : run.value().totals()) {
                totals.add(total.kind() + " " + total.currency() + " paid " + money(total.paid()) + " / received "
                        + money(total.received()));
            }
        }
        demo.step(run.ok(), "POST /end-of-day/" + date + ": " + (run.ok() ? run.value().accounts() : 0) + " accounts; "
                + (totals.isEmpty() ? "no cash" : String.join("; ", totals)) + " (net zero per currency)", run);
        return run.ok();
    }

    /**
     * Midday of the drop: the risk team (here the back office) runs an intraday settlement cycle with GH100 at 2.150,
     * the other front months where they settled the day before. Variation margin moves against the first day's prices
     * now, not tonight, and margin is called from that snapshot; the end-of-day run then continues from 2.150.
     */
    private void intradayCycle(ClearingHouse backOffice, LocalDate date,
                               Map<String, Catalogue.Instrument> frontMonths) {
        List<SettlementPrices.NewPrice> prices = new ArrayList<>();
        frontMonths.forEach((family, instrument) -> {
            if (date.isBefore(instrument.lastTradingDay())) {
                prices.add(new SettlementPrices.NewPrice(instrument.id(),
                        family.equals("GH100") ? INTRADAY_GH100 : PRICES.get(family).on(0)));
            }
        });
        Answer<SettlementCycles.Cycle> cycle = Demo.attempt(() -> backOffice.settlementCycles()
                .run(date, new SettlementCycles.Request(List.of(), prices)));
        if (cycle.failure() instanceof ProblemException refused && (refused.isType("/problems/business-day-closed")
                || refused.isType("/problems/day-settled"))) {
            demo.pass(date + " was closed by an earlier demo run: its intraday cycle is done");
            return;
        }
        List<String> totals = cycle.ok() ? cycle.value().totals().stream().map(t -> t.currency() + " paid "
                + money(t.paid()) + " / received " + money(t.received())).toList() : List.of();
        demo.step(cycle.ok(), "POST /settlement-cycles/" + date + " (intraday, GH100 at "
                + INTRADAY_GH100.toPlainString() + "): " + (cycle.ok() ? cycle.value().cycleId() + ", "
                + cycle.value().accounts() + " accounts; " + String.join("; ", totals) : ""), cycle);
    }

    /**
     * BRAVO-S bought 10 GH100 at 2.600 with USD 10,000 of cash; the drop to 2.100 costs it USD 5,000 of variation
     * margin, leaving less than its initial margin. account-service calls for the deficit at the intraday cycle and
     * raises the call at the end-of-day cycle, each time from the cycle's one snapshot, which bob reconciles to the
     * cent with the cycle's figures; BRAVO covers it.
     */
    private void marginCallAndCover(ClearingHouse backOffice, ClearingHouse alice, ClearingHouse bob,
                                    LocalDate date) {
        if (bob == null) {
            return;
        }
        String endOfDay = date + "/END_OF_DAY";
        Answer<List<Accounts.SettlementCycle>> cycles = retryWhile(() -> Demo.attempt(() -> bob.accounts()
                .settlementCycles("BRAVO-S")), r -> r.ok() && r.value().stream()
                .noneMatch(c -> c.cycleId().equals(endOfDay) && c.decidedAt() != null));
        Answer<List<MarginCalls.MarginCall>> calls = Demo.attempt(() -> bob.marginCalls().list(null, "BRAVO-S"));
        MarginCalls.MarginCall call = calls.ok() && !calls.value().isEmpty() ? calls.value().getFirst() : null;
        Accounts.SettlementCycle snapshot = call == null || !cycles.ok() ? null : cycles.value().stream()
                .filter(c -> c.cycleId().equals(call.cycleId())).findFirst().orElse(null);
        boolean reconciles = snapshot != null && call.amount().compareTo(
                snapshot.excess().negate().setScale(2, RoundingMode.CEILING)) == 0
                && call.requirement().compareTo(snapshot.requirement()) == 0
                && call.collateralValue().compareTo(snapshot.collateralValue()) == 0;
        demo.step(reconciles, "bob sees the margin call on BRAVO-S: " + (call == null ? "none" : money(call.amount())
                + " " + call.currency() + " due " + call.deadline() + " (" + call.status() + "), from cycle "
                + call.cycleId() + ": requirement " + money(call.requirement()) + " - collateral "
                + money(call.collateralValue()) + " after the cycle's postings (GET /accounts/BRAVO-S/settlement-cycles"
                + " shows the same)"), reconciles ? null : calls);
        if (call == null) {
            return;
        }
        if (alice != null) {
            Answer<MarginCalls.MarginCall> hidden = Demo.attempt(() -> alice.marginCalls().get(call.id()));
            demo.step(hidden.status() == 404, "alice cannot see BRAVO's margin call: GET /margin-calls/" + call.id()
                    + " -> " + hidden.status(), hidden.status() == 404 ? null : hidden);
        }
        Collateral.CashMovement cover = new Collateral.CashMovement("USD", new BigDecimal("5000.00"),
                "demo margin call cover");
        Answer<?> deposit = Demo.recorded(() -> backOffice.collateral()
                .depositCash("BRAVO-S", "demo-bravo-s-cover-1", cover));
        demo.step(deposit.ok(), "POST /accounts/BRAVO-S/deposits 5,000.00 USD "
                + "(BRAVO wires the cover)", deposit);
        Answer<MarginCalls.MarginCall> settled = retryWhile(() -> Demo.attempt(() -> bob.marginCalls().get(call.id())),
                r -> r.ok() && r.value().status() != MarginCalls.Status.SETTLED);
        demo.step(settled.ok() && settled.value().status() == MarginCalls.Status.SETTLED,
                "the margin call is settled by the deposit (" + (settled.ok() ? settled.value().status() : "") + ")",
                settled);
    }

    private void showFinalSettlements(ClearingHouse backOffice, Map<String, Catalogue.Instrument> frontMonths) {
        for (Catalogue.Instrument instrument : frontMonths.values()) {
            String id = instrument.id();
            Answer<FinalSettlements.FinalSettlement> fsp = Demo.attempt(() -> backOffice.finalSettlements().get(id));
            FinalSettlements.FinalSettlement view = fsp.value();
            demo.step(fsp.ok(), "final settlement of " + id + ": FSP " + (view == null ? "?"
                    : plain(view.finalSettlementPrice())) + " " + (view == null ? "" : view.currency())
                    + " (" + (view == null ? "?" : view.rule()) + " of " + (view == null ? "?" : view.indexId()) + ")",
                    fsp);
            Answer<Catalogue.ClosedAtFinalSettlement> closed = retryWhile(() -> Demo.attempt(() -> backOffice
                    .catalogue().finalSettlement(id)), r -> r.status() == 404);
            demo.step(closed.ok(), "clearing-service closed " + (closed.ok() ? closed.value().positionsClosed() : "?")
                    + " positions of " + id + " at the final settlement price", closed);
        }
    }

    private void showStatement(ClearingHouse member, String who, String accountId, LocalDate date) {
        if (member == null) {
            return;
        }
        Answer<Statements.Statement> statement = Demo.attempt(() -> member.statements().get(accountId, date));
        demo.step(statement.ok(), who + " reads the statement of " + accountId + " for " + date, statement);
        if (!statement.ok()) {
            return;
        }
        Statements.Statement body = statement.value();
        for (Statements.Position position : body.positions()) {
            out.println("      " + position.instrumentId() + ": start " + position.startOfDay()
                    + ", bought " + position.bought() + ", sold " + position.sold() + ", end "
                    + position.endOfDay() + "; price " + (position.previousPrice() == null ? "-"
                    : position.previousPrice().toPlainString()) + " -> "
                    + plain(position.settlementPrice()) + " (" + position.priceKind() + "); VM "
                    + money(position.variationMargin()) + ", final " + money(position.finalSettlement())
                    + " " + position.currency());
        }
        for (Statements.CurrencyTotal total : body.totals()) {
            out.println("      total " + total.currency() + " " + money(total.total()));
        }
        Statements.Collateral collateral = body.collateral();
        if (collateral != null) {
            out.println("      collateral " + money(collateral.collateralValue()) + " " + collateral.baseCurrency()
                    + ", requirement " + money(collateral.requirement()) + ", excess "
                    + money(collateral.excess()));
        }
        Answer<String> csv = Demo.attempt(() -> member.statements().csv(accountId, date));
        long lines = csv.ok() ? csv.value().lines().count() : 0;
        demo.step(csv.ok() && lines > 1, "the same statement as CSV (" + lines + " lines)", csv);
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static <T> Answer<T> retryWhile(Supplier<Answer<T>> request, Predicate<Answer<T>> notYet) {
        long deadline = System.nanoTime() + EVENTS_TIMEOUT.toNanos();
        Answer<T> response = request.get();
        while (notYet.test(response) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            response = request.get();
        }
        return response;
    }

    /** The first day's price, the second day's, then a rise of {@code step} a day. */
    private record PricePath(String first, String second, String step) {
        BigDecimal on(int day) {
            if (day == 0) {
                return new BigDecimal(first);
            }
            return new BigDecimal(second).add(new BigDecimal(step).multiply(BigDecimal.valueOf(day - 1)))
                    .setScale(new BigDecimal(first).scale(), RoundingMode.UNNECESSARY);
        }
    }
}
