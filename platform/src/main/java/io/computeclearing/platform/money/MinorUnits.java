package io.computeclearing.platform.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Currency;

/** Amounts of one currency as whole minor units (cents), the grain the fund is sized and allocated in. */
public record MinorUnits(Currency currency) {

    public int digits() {
        return Math.max(0, currency.getDefaultFractionDigits());
    }

    /** The amount in minor units; more decimals than the currency has are refused, never rounded away. */
    public BigInteger of(BigDecimal amount, String what) {
        if (amount.stripTrailingZeros().scale() > digits()) {
            throw new IllegalArgumentException(what + " " + amount.toPlainString() + " has more decimals than "
                    + currency.getCurrencyCode() + " has minor units (" + digits() + ")");
        }
        return amount.setScale(digits()).unscaledValue();
    }

    /** Minor units back to an amount at the currency's scale. */
    public BigDecimal amount(BigInteger units) {
        return new BigDecimal(units, digits());
    }
}
