/**
 * Margin backtesting as pure arithmetic: the margin held against the realised loss over the holding period, the
 * exceedances over a rolling window ({@link io.computeclearing.risk.backtest.MarginBacktest}), Kupiec's
 * proportion-of-failures test ({@link io.computeclearing.risk.backtest.KupiecTest}) and the Basel traffic light
 * ({@link io.computeclearing.risk.backtest.TrafficLight}). Money stays {@code BigDecimal}; the statistics are
 * {@code double}. No persistence, REST or messaging here.
 */
package io.computeclearing.risk.backtest;
