package io.computeclearing.risk.backtest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The backtest of one portfolio (an account, a product family, the whole CCP) over its window.
 *
 * @param currency            the currency of the margin and the losses
 * @param firstDate           the window's first day, empty without observations
 * @param lastDate            the window's last day, empty without observations
 * @param observations        days in the window
 * @param exceedances         days the loss exceeded the margin
 * @param exceedanceDates     those days, oldest first
 * @param confidence          the margin's intended coverage
 * @param expectedExceedances {@code observations x (1 - confidence)}: 2.5 over 250 days at 99 %
 * @param coverage            the share of days the margin covered the loss, {@code 1 - exceedances / observations};
 *                            1 without observations
 * @param largestExcess       the largest amount by which a loss exceeded the margin, exact; zero without exceedance
 * @param kupiec              Kupiec's proportion-of-failures test of the count
 * @param light               the Basel traffic light of the count
 */
public record BacktestResult(Currency currency, Optional<LocalDate> firstDate, Optional<LocalDate> lastDate,
                             int observations, int exceedances, List<LocalDate> exceedanceDates, double confidence,
                             double expectedExceedances, double coverage, BigDecimal largestExcess,
                             KupiecTest kupiec, TrafficLight light) {

    public BacktestResult {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(firstDate, "firstDate");
        Objects.requireNonNull(lastDate, "lastDate");
        exceedanceDates = List.copyOf(exceedanceDates);
        Objects.requireNonNull(largestExcess, "largestExcess");
        Objects.requireNonNull(kupiec, "kupiec");
        Objects.requireNonNull(light, "light");
    }
}
