/**
 * Margin backtesting as it runs: the positions held at each end of day kept for the following days, one observation
 * per account, day and holding period (the margin held then against the realised profit and loss since), the rolling
 * results per account, product family and for the whole CCP with the arithmetic of
 * {@link io.computeclearing.risk.backtest}, {@code BacktestTrafficLightChanged} when a family's light changes, and the
 * report over REST.
 */
package io.computeclearing.risk.backtesting;
