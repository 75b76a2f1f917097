package io.computeclearing.clearing.catalogue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Set;

/**
 * The days a contract family trades: every weekday that is not one of its holidays. Saturdays and Sundays never
 * trade.
 */
public record TradingCalendar(Set<LocalDate> holidays) {

    public TradingCalendar {
        holidays = Set.copyOf(holidays);
    }

    public static TradingCalendar withHolidays(Collection<LocalDate> holidays) {
        return new TradingCalendar(Set.copyOf(holidays));
    }

    public static TradingCalendar weekendsOnly() {
        return new TradingCalendar(Set.of());
    }

    public boolean isBusinessDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
    }

    /** The latest business day on or before {@code date}. */
    public LocalDate onOrBefore(LocalDate date) {
        LocalDate day = date;
        // A calendar is at most a few dozen holidays a year; a year without any business day is a configuration error.
        for (int i = 0; i < 366; i++, day = day.minusDays(1)) {
            if (isBusinessDay(day)) {
                return day;
            }
        }
        throw new IllegalStateException("no business day in the year up to " + date);
    }

    /** The last business day of the month. */
    public LocalDate lastBusinessDay(YearMonth month) {
        return onOrBefore(month.atEndOfMonth());
    }

    /** The business day {@code count} business days before {@code date} (itself when count is 0). */
    public LocalDate minusBusinessDays(LocalDate date, int count) {
        LocalDate day = onOrBefore(date);
        for (int i = 0; i < count; i++) {
            day = onOrBefore(day.minusDays(1));
        }
        return day;
    }
}
