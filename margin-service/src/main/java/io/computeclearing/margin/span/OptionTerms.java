package io.computeclearing.margin.span;

import java.util.Objects;

/**
 * The terms and pricing inputs of an option on a future, as needed to build its risk array by Black-76.
 *
 * @param type          call or put
 * @param strike        strike price, positive
 * @param futuresPrice  current (settlement) price of the underlying future, positive
 * @param yearsToExpiry time to expiry in years, not negative
 * @param rate          continuously compounded interest rate
 * @param volatility    implied volatility, positive
 */
public record OptionTerms(Black76.OptionType type, double strike, double futuresPrice, double yearsToExpiry,
        double rate, double volatility) {

    public OptionTerms {
        Objects.requireNonNull(type, "type");
        if (!(strike > 0)) {
            throw new IllegalArgumentException("strike must be positive, was " + strike);
        }
        if (!(futuresPrice > 0)) {
            throw new IllegalArgumentException("Black-76 needs a positive futures price, was " + futuresPrice
                    + "; options on a future priced at or below zero cannot be margined by this model");
        }
        if (!(yearsToExpiry >= 0)) {
            throw new IllegalArgumentException("time to expiry must not be negative, was " + yearsToExpiry);
        }
        if (!(volatility > 0)) {
            throw new IllegalArgumentException("volatility must be positive, was " + volatility);
        }
    }

    /** Factory in the project's style. */
    public static OptionTerms of(Black76.OptionType type, double strike, double futuresPrice, double yearsToExpiry,
            double rate, double volatility) {
        return new OptionTerms(type, strike, futuresPrice, yearsToExpiry, rate, volatility);
    }
}
