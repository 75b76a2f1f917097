package io.computeclearing.risk.backtest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One day of one portfolio's backtest: the initial margin held at the previous run and the portfolio's realised
 * profit and loss over the holding period at the new settlement prices, positions held fixed, in the same currency.
 *
 * @param businessDate  the day the holding period ends (the new settlement prices)
 * @param initialMargin the margin held at the start of the holding period, zero or more
 * @param profitAndLoss the realised result, signed like variation margin: negative is a loss
 */
public record BacktestObservation(LocalDate businessDate, BigDecimal initialMargin, BigDecimal profitAndLoss) {

    public BacktestObservation {
        Objects.requireNonNull(businessDate, "businessDate");
        Objects.requireNonNull(initialMargin, "initialMargin");
        Objects.requireNonNull(profitAndLoss, "profitAndLoss");
        if (initialMargin.signum() < 0) {
            throw new IllegalArgumentException("initial margin cannot be negative on " + businessDate + ": "
                    + initialMargin.toPlainString());
        }
    }

    /** The realised loss, positive for a loss and negative for a gain. */
    public BigDecimal loss() {
        return profitAndLoss.negate();
    }

    /** An exceedance: the loss is strictly larger than the margin (a loss equal to the margin was covered). */
    public boolean exceedance() {
        return loss().compareTo(initialMargin) > 0;
    }

    /** By how much the loss exceeded the margin, zero when covered; exact, never rounded. */
    public BigDecimal excess() {
        return loss().subtract(initialMargin).max(BigDecimal.ZERO);
    }
}
