package io.computeclearing.clearing.catalogue;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

import static io.computeclearing.clearing.catalogue.LastTradingDayRule.BUSINESS_DAYS_BEFORE_MONTH_END;
import static io.computeclearing.clearing.catalogue.LastTradingDayRule.LAST_BUSINESS_DAY_OF_MONTH;
import static org.assertj.core.api.Assertions.assertThat;

class LastTradingDayRuleTest {

    private static final TradingCalendar WEEKENDS = TradingCalendar.weekendsOnly();

    @Test
    void lastBusinessDayOfAMonthEndingOnAWeekdayIsItsLastDay() {
        // 30 November 2026 is a Monday
        assertThat(LAST_BUSINESS_DAY_OF_MONTH.lastTradingDay(YearMonth.of(2026, 11), 0, WEEKENDS))
                .isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void monthEndingOnASundayStopsTradingOnTheFridayBefore() {
        // 31 January 2027 is a Sunday, 30 January a Saturday
        assertThat(LAST_BUSINESS_DAY_OF_MONTH.lastTradingDay(YearMonth.of(2027, 1), 0, WEEKENDS))
                .isEqualTo(LocalDate.of(2027, 1, 29));
        // 31 July 2027 is a Saturday
        assertThat(LAST_BUSINESS_DAY_OF_MONTH.lastTradingDay(YearMonth.of(2027, 7), 0, WEEKENDS))
                .isEqualTo(LocalDate.of(2027, 7, 30));
    }

    @Test
    void aHolidayOnTheFridayBeforeAWeekendMonthEndMovesTheLastTradingDayToThursday() {
        TradingCalendar calendar = TradingCalendar.withHolidays(Set.of(LocalDate.of(2027, 1, 29)));

        assertThat(LAST_BUSINESS_DAY_OF_MONTH.lastTradingDay(YearMonth.of(2027, 1), 0, calendar))
                .isEqualTo(LocalDate.of(2027, 1, 28));
    }

    @Test
    void businessDaysBeforeMonthEndCountOnlyBusinessDays() {
        // December 2026: last business day Thursday 31; three business days before it, skipping the weekend and
        // Christmas (Friday 25): 30, 29, 28 -> Monday 28
        TradingCalendar calendar = TradingCalendar.withHolidays(Set.of(LocalDate.of(2026, 12, 25)));
        assertThat(BUSINESS_DAYS_BEFORE_MONTH_END.lastTradingDay(YearMonth.of(2026, 12), 3, calendar))
                .isEqualTo(LocalDate.of(2026, 12, 28));
        // four before: Thursday 24 (25 is a holiday, 26-27 a weekend)
        assertThat(BUSINESS_DAYS_BEFORE_MONTH_END.lastTradingDay(YearMonth.of(2026, 12), 4, calendar))
                .isEqualTo(LocalDate.of(2026, 12, 24));
        assertThat(BUSINESS_DAYS_BEFORE_MONTH_END.lastTradingDay(YearMonth.of(2026, 12), 0, calendar))
                .isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void lastBusinessDayRuleTakesNoOffset() {
        assertThat(LAST_BUSINESS_DAY_OF_MONTH.offsetProblem(0)).isNull();
        assertThat(LAST_BUSINESS_DAY_OF_MONTH.offsetProblem(2)).isEqualTo("must be 0 for LAST_BUSINESS_DAY_OF_MONTH");
        assertThat(BUSINESS_DAYS_BEFORE_MONTH_END.offsetProblem(2)).isNull();
        assertThat(BUSINESS_DAYS_BEFORE_MONTH_END.offsetProblem(11)).isEqualTo("must be between 0 and 10");
    }

    @Test
    void weekendsAndHolidaysAreNotBusinessDays() {
        TradingCalendar calendar = TradingCalendar.withHolidays(Set.of(LocalDate.of(2026, 12, 25)));

        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 12, 24))).isTrue();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 12, 25))).isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 12, 26))).isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 12, 27))).isFalse();
        assertThat(calendar.onOrBefore(LocalDate.of(2026, 12, 27))).isEqualTo(LocalDate.of(2026, 12, 24));
    }
}
