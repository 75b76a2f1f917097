package io.computeclearing.risk.backtesting;

import io.computeclearing.risk.backtest.BacktestResult;
import io.computeclearing.risk.backtest.KupiecTest;
import io.computeclearing.risk.backtest.TrafficLight;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * The backtest of many accounts together (a product family, the whole CCP): every account-day in the window is one
 * observation, so the count of exceedances is tested against {@code observations x (1 - confidence)} with Kupiec's
 * test and the traffic light of that many observations. Summing the accounts' losses instead would net every long
 * against its short (futures are zero-sum) and never exceed.
 */
final class PooledBacktest {

    private PooledBacktest() {
    }

    static BacktestResult of(LocalDate firstDate, LocalDate lastDate, int observations, int exceedances,
                             List<LocalDate> exceedanceDates, BigDecimal largestExcess, double confidence) {
        return new BacktestResult(Currency.getInstance("USD"), Optional.ofNullable(firstDate),
                Optional.ofNullable(lastDate), observations, exceedances, exceedanceDates, confidence,
                observations * (1.0 - confidence),
                observations == 0 ? 1.0 : 1.0 - (double) exceedances / observations, largestExcess,
                KupiecTest.of(exceedances, observations, confidence),
                TrafficLight.of(exceedances, observations, confidence));
    }
}
