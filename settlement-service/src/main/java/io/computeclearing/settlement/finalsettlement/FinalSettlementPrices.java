package io.computeclearing.settlement.finalsettlement;

import io.computeclearing.settlement.index.IndexValue;
import io.computeclearing.settlement.index.IndexValues;
import io.computeclearing.settlement.instrument.SettledInstrument;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * Fixes final settlement prices from the underlying index, by the instrument's rule:
 * <ul>
 * <li>{@code SINGLE_FIXING}: the index value of the last trading day.</li>
 * <li>{@code AVERAGE_OVER_MONTH}: the arithmetic mean of the index values of every weekday (Monday to Friday) from
 * the first day of the contract month up to and including the last trading day (or the month's last day, if
 * trading ends after the month). Every one of those weekdays must
 * have a value (a missing one refuses the fixing, naming the date: the back office publishes it, or a carried-forward
 * value, through the index API); values published for Saturdays and Sundays are not used.</li>
 * </ul>
 * The result is rounded once, to the nearest tick, halves to the even tick: {@code round(sum / (n x tick)) x tick}.
 */
@ApplicationScoped
public class FinalSettlementPrices {

    /** The fixing, or the index values it is missing, as {@code "INDEX on DATE"}. */
    public record Outcome(FinalSettlementFixing fixing, List<String> missing) {
    }

    private final IndexValues indexValues;

    public FinalSettlementPrices(IndexValues indexValues) {
        this.indexValues = indexValues;
    }

    public Outcome fix(SettledInstrument instrument) {
        String indexId = instrument.underlyingIndexId;
        List<LocalDate> dates = fixingDates(instrument);
        SortedMap<LocalDate, IndexValue> values = indexValues.valuesBetween(indexId, dates.getFirst(), dates.getLast());
        List<IndexValue> inputs = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (LocalDate date : dates) {
            IndexValue value = values.get(date);
            if (value == null) {
                missing.add(indexId + " on " + date);
            } else if (!value.currency().equals(instrument.currency)) {
                missing.add(indexId + " on " + date + " in " + instrument.currency + " (it is in " + value.currency() + ")");
            } else {
                inputs.add(value);
            }
        }
        if (!missing.isEmpty()) {
            return new Outcome(null, missing);
        }
        BigDecimal sum = inputs.stream().map(IndexValue::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal count = BigDecimal.valueOf(inputs.size());
        BigDecimal ticks = sum.divide(instrument.tickSize.multiply(count), 0, RoundingMode.HALF_EVEN);
        BigDecimal price = instrument.atTickScale(ticks.multiply(instrument.tickSize));
        BigDecimal unrounded = sum.divide(count, 20, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return new Outcome(new FinalSettlementFixing(instrument.instrumentId, instrument.finalSettlementRule, indexId,
                unrounded, price, instrument.currency, List.copyOf(inputs)), List.of());
    }

    /** The dates whose index values make up the fixing. */
    static List<LocalDate> fixingDates(SettledInstrument instrument) {
        LocalDate last = instrument.lastTradingDay;
        if (!"AVERAGE_OVER_MONTH".equals(instrument.finalSettlementRule)) {
            return List.of(last);
        }
        YearMonth month = YearMonth.parse(instrument.contractMonth);
        LocalDate end = last.isBefore(month.atEndOfMonth()) ? last : month.atEndOfMonth();
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = month.atDay(1); !d.isAfter(end); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                dates.add(d);
            }
        }
        if (dates.isEmpty()) {
            dates.add(last);
        }
        return dates;
    }
}
