package io.computeclearing.settlement.run;

import io.computeclearing.settlement.SettlementLock;
import io.computeclearing.settlement.book.Book;
import io.computeclearing.settlement.finalsettlement.FinalSettlementFixing;
import io.computeclearing.settlement.finalsettlement.FinalSettlements;
import io.computeclearing.settlement.instrument.SettledInstrument;
import io.computeclearing.settlement.statement.StatementSnapshots;
import io.computeclearing.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The end-of-day run of a business date: variation margin on every position and trade at the day's settlement
 * prices, and final settlement of instruments on their last trading day, posted per account and currency. It is the
 * day's last settlement cycle: an instrument an intraday cycle of the date settled continues from that cycle's price
 * and legs ({@link CycleFlows}). The run
 * happens once; asking again returns the recorded run and writes nothing. It refuses (409, nothing written) until the
 * date is closed with all its trade events received, earlier dates are settled, and every price is there.
 *
 * <p>Rounding: every amount is computed exactly. Prices are on the tick grid, so an amount is a whole number of
 * minor units whenever tick x contract unit is (5 USD for GH100, 50 CNY for TKFRC). An amount that is not is refused
 * rather than rounded, because rounding could leave the CCP's cash out of balance.
 */
@ApplicationScoped
@Transactional
public class EndOfDayRuns {

    /** The run, and whether it had been done before this request. */
    public record Outcome(EndOfDayRunView run, boolean repeated) {
    }

    static final String VARIATION_MARGIN = "VARIATION_MARGIN";
    static final String FINAL_SETTLEMENT = "FINAL_SETTLEMENT";

    private final SettlementLock lock;
    private final Book book;
    private final CycleFlows cycleFlows;
    private final RunPricing pricing;
    private final RunLedger ledger;
    private final FinalSettlements finalSettlements;
    private final StatementSnapshots statements;
    private final Clock clock;

    public EndOfDayRuns(SettlementLock lock, Book book, CycleFlows cycleFlows, RunPricing pricing, RunLedger ledger,
                        FinalSettlements finalSettlements, StatementSnapshots statements, Clock clock) {
        this.lock = lock;
        this.book = book;
        this.cycleFlows = cycleFlows;
        this.pricing = pricing;
        this.ledger = ledger;
        this.finalSettlements = finalSettlements;
        this.statements = statements;
        this.clock = clock;
    }

    public Outcome run(LocalDate businessDate, String by) {
        lock.acquire();
        var done = ledger.find(businessDate);
        if (done.isPresent()) {
            return new Outcome(done.get(), true);
        }
        book.requireComplete(businessDate);
        List<LocalDate> earlier = book.unsettledDatesBefore(businessDate);
        if (!earlier.isEmpty()) {
            throw RunRefusal.earlierDatesUnsettled(businessDate, earlier);
        }
        CycleFlows.Flows day = cycleFlows.of(businessDate, instrumentId -> true, false);
        List<PositionCashFlow> flows = day.flows();
        Map<String, SettledInstrument> instruments = instruments(flows);
        Set<String> revalued = new TreeSet<>();
        flows.stream().filter(f -> f.needsPreviousPrice() && !day.cyclePrices().containsKey(f.instrumentId()))
                .forEach(f -> revalued.add(f.instrumentId()));
        RunPrices prices = pricing.resolve(businessDate, instruments.values(), revalued).after(day.cyclePrices());

        List<SettledLine> lines = new ArrayList<>();
        for (PositionCashFlow flow : flows) {
            lines.add(settle(flow, instruments.get(flow.instrumentId()), prices));
        }
        List<CashPosting> postings = CashPostings.of(businessDate, lines);

        Instant at = clock.instant();
        ledger.record(businessDate, by, at, postings, runPrices(instruments, prices));
        for (FinalSettlementFixing fixing : prices.finals().values()) {
            long positions = flows.stream()
                    .filter(f -> f.instrumentId().equals(fixing.instrumentId()) && f.endOfDay() != 0).count();
            finalSettlements.record(fixing, businessDate, positions, at);
        }
        statements.snapshot(businessDate, lines, at);
        return new Outcome(ledger.find(businessDate).orElseThrow(), false);
    }

    static Map<String, SettledInstrument> instruments(List<PositionCashFlow> flows) {
        Map<String, SettledInstrument> instruments = new TreeMap<>();
        List<String> unknown = new ArrayList<>();
        for (String id : flows.stream().map(PositionCashFlow::instrumentId).distinct().sorted().toList()) {
            SettledInstrument instrument = SettledInstrument.findById(id);
            if (instrument == null) {
                unknown.add(id);
            } else {
                instruments.put(id, instrument);
            }
        }
        if (!unknown.isEmpty()) {
            throw RunRefusal.instrumentsUnknown(unknown);
        }
        return instruments;
    }

    private static SettledLine settle(PositionCashFlow flow, SettledInstrument instrument, RunPrices prices) {
        String id = flow.instrumentId();
        return settle(flow, instrument, prices.isFinal(id) ? FINAL_SETTLEMENT : VARIATION_MARGIN,
                prices.settlementPrice(id), prices.previous().get(id));
    }

    /** The flow settled at {@code price} from {@code previousPrice}, in whole minor units or refused. */
    static SettledLine settle(PositionCashFlow flow, SettledInstrument instrument, String kind, BigDecimal price,
                              BigDecimal previousPrice) {
        String id = flow.instrumentId();
        BigDecimal previous = flow.needsPreviousPrice() ? instrument.atTickScale(previousPrice) : null;
        BigDecimal exact = flow.amount(previous, price, instrument.contractUnit);
        int minorUnits = minorUnits(instrument.currency);
        BigDecimal amount;
        try {
            amount = exact.setScale(minorUnits, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException notWhole) {
            throw RunRefusal.notWholeMinorUnits(id, flow.accountId(), exact.stripTrailingZeros(), instrument.currency);
        }
        return new SettledLine(flow, instrument, kind, previous, instrument.atTickScale(price), amount);
    }

    /** Prices to record for the run: those it settled at, and every other daily price in force for the date. */
    private static Map<String, EndOfDayRunView.Price> runPrices(Map<String, SettledInstrument> instruments,
                                                                RunPrices prices) {
        Map<String, EndOfDayRunView.Price> recorded = new LinkedHashMap<>();
        prices.daily().forEach((id, price) -> recorded.put(id, new EndOfDayRunView.Price(id, "DAILY", price)));
        prices.finals().forEach((id, fixing) -> recorded.put(id, new EndOfDayRunView.Price(id, "FINAL", fixing.price())));
        return recorded;
    }

    /** The currency's minor unit digits (2 for USD and CNY). */
    static int minorUnits(String currency) {
        try {
            return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException unknown) {
            throw ProblemException.conflict("unknown-currency", "Unknown currency",
                    "currency " + currency + " is not an ISO 4217 code");
        }
    }
}
