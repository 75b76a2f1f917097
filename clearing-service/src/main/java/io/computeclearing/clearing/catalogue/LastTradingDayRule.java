package io.computeclearing.clearing.catalogue;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * When a contract month stops trading, given the family's trading calendar. After its last trading day an instrument
 * is expired: no new trades, only final settlement.
 */
public enum LastTradingDayRule {

    /** The last business day of the contract month (offset must be 0). */
    LAST_BUSINESS_DAY_OF_MONTH,

    /**
     * {@code offset} business days before the last business day of the contract month, as in "the third business
     * day before the last business day of the month"; 0 is the last business day itself.
     */
    BUSINESS_DAYS_BEFORE_MONTH_END;

    /** The largest offset accepted: any month has more business days than this even with many holidays. */
    public static final int MAX_OFFSET = 10;

    public LocalDate lastTradingDay(YearMonth month, int offset, TradingCalendar calendar) {
        LocalDate lastBusinessDay = calendar.lastBusinessDay(month);
        return switch (this) {
            case LAST_BUSINESS_DAY_OF_MONTH -> lastBusinessDay;
            case BUSINESS_DAYS_BEFORE_MONTH_END -> calendar.minusBusinessDays(lastBusinessDay, offset);
        };
    }

    /** Why the offset does not fit this rule, or null when it does. */
    public String offsetProblem(int offset) {
        if (this == LAST_BUSINESS_DAY_OF_MONTH && offset != 0) {
            return "must be 0 for LAST_BUSINESS_DAY_OF_MONTH";
        }
        if (offset < 0 || offset > MAX_OFFSET) {
            return "must be between 0 and " + MAX_OFFSET;
        }
        return null;
    }
}
