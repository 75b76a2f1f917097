package io.computeclearing.risk.backtesting;

import java.math.BigDecimal;

/**
 * A position an account held at the start of a holding period, with its instrument's terms and the settlement prices
 * at both ends: the start's ({@code basePrice}) and the business date's ({@code price}).
 */
record HeldPosition(String accountId, String memberId, String instrumentId, long net, String family,
                    String currency, BigDecimal contractUnit, BigDecimal basePrice, BigDecimal price) {

    /** {@code (P_t - P_{t-h}) x net x contract unit}, exact: what the position made (negative: lost). */
    BigDecimal profitAndLoss() {
        return price.subtract(basePrice).multiply(BigDecimal.valueOf(net)).multiply(contractUnit);
    }

    /** {@code |net| x contract unit x |P_{t-h}|}: the value held, by which the account's margin is shared out. */
    BigDecimal valueHeld() {
        return BigDecimal.valueOf(net).abs().multiply(contractUnit).multiply(basePrice.abs());
    }
}
