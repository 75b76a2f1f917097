package io.computeclearing.clearing.catalogue;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ListingCycleTest {

    private final ListingCycle twelveMonths = new ListingCycle(12, LastTradingDayRule.LAST_BUSINESS_DAY_OF_MONTH, 0,
            TradingCalendar.weekendsOnly());

    @Test
    void theFrontMonthStaysListedUntilItsLastTradingDay() {
        // November 2026 trades until Monday 30 November
        assertThat(twelveMonths.listedOn(LocalDate.of(2026, 11, 30)))
                .hasSize(12)
                .startsWith(YearMonth.of(2026, 11))
                .endsWith(YearMonth.of(2027, 10));
    }

    @Test
    void theCycleRollsTheDayAfterTheLastTradingDay() {
        assertThat(twelveMonths.listedOn(LocalDate.of(2026, 12, 1)))
                .hasSize(12)
                .startsWith(YearMonth.of(2026, 12))
                .endsWith(YearMonth.of(2027, 11));
        // January 2027 stops on Friday 29; on Saturday 30 the front month is already February
        assertThat(twelveMonths.listedOn(LocalDate.of(2027, 1, 30))).first().isEqualTo(YearMonth.of(2027, 2));
    }

    @Test
    void sixMonthCycleListsSixConsecutiveMonths() {
        ListingCycle six = new ListingCycle(6, LastTradingDayRule.LAST_BUSINESS_DAY_OF_MONTH, 0,
                TradingCalendar.withHolidays(Set.of()));
        assertThat(six.listedOn(LocalDate.of(2026, 11, 24))).containsExactly(YearMonth.of(2026, 11),
                YearMonth.of(2026, 12), YearMonth.of(2027, 1), YearMonth.of(2027, 2), YearMonth.of(2027, 3),
                YearMonth.of(2027, 4));
    }

    @Test
    void anInstrumentIsExpiringOnItsLastTradingDayAndExpiredAfter() {
        LocalDate lastTradingDay = LocalDate.of(2027, 1, 29);

        assertThat(Instrument.statusOn(lastTradingDay, LocalDate.of(2027, 1, 28))).isEqualTo(Instrument.Status.ACTIVE);
        assertThat(Instrument.statusOn(lastTradingDay, lastTradingDay)).isEqualTo(Instrument.Status.EXPIRING);
        assertThat(Instrument.statusOn(lastTradingDay, LocalDate.of(2027, 1, 30))).isEqualTo(Instrument.Status.EXPIRED);
        assertThat(Instrument.idOf("GH100", YearMonth.of(2027, 1))).isEqualTo("GH100-202701");
    }

    @Test
    void pricesOnTheTickGridIncludeZeroAndNegatives() {
        ContractFamily gpuHours = new ContractFamily();
        gpuHours.tickSize = new BigDecimal("0.005");
        gpuHours.contractUnit = new BigDecimal("1000");

        assertThat(gpuHours.onTickGrid(new BigDecimal("2.605"))).isTrue();
        assertThat(gpuHours.onTickGrid(new BigDecimal("2.6"))).isTrue();
        assertThat(gpuHours.onTickGrid(BigDecimal.ZERO)).isTrue();
        assertThat(gpuHours.onTickGrid(new BigDecimal("-0.015"))).isTrue();
        assertThat(gpuHours.onTickGrid(new BigDecimal("2.6025"))).isFalse();
        assertThat(gpuHours.onTickGrid(new BigDecimal("-0.001"))).isFalse();
        assertThat(gpuHours.tickValue()).isEqualByComparingTo("5");
    }
}
