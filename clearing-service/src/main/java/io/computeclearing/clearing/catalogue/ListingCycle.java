package io.computeclearing.clearing.catalogue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Which contract months a family lists on a given day: the first month whose last trading day has not passed, and
 * the months after it, {@code months} consecutive months in all. When the front month expires the cycle rolls and a
 * new back month is listed.
 */
public record ListingCycle(int months, LastTradingDayRule rule, int offset, TradingCalendar calendar) {

    public static ListingCycle of(ContractFamily family) {
        return new ListingCycle(family.listingCycleMonths, family.lastTradingDayRule, family.lastTradingDayOffset,
                family.calendar());
    }

    public LocalDate lastTradingDay(YearMonth month) {
        return rule.lastTradingDay(month, offset, calendar);
    }

    /** The contract months listed on {@code asOf}, front month first. */
    public List<YearMonth> listedOn(LocalDate asOf) {
        YearMonth front = YearMonth.from(asOf);
        if (lastTradingDay(front).isBefore(asOf)) {
            front = front.plusMonths(1);
        }
        List<YearMonth> listed = new ArrayList<>(months);
        for (int i = 0; i < months; i++) {
            listed.add(front.plusMonths(i));
        }
        return listed;
    }
}
