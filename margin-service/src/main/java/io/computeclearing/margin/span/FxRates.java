package io.computeclearing.margin.span;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Rates to convert amounts into the account's currency: {@code amount in account currency = amount x rate(currency)}.
 * The account currency converts at 1.
 */
public final class FxRates {

    private final Currency accountCurrency;
    private final Map<Currency, BigDecimal> rates;

    private FxRates(Currency accountCurrency, Map<Currency, BigDecimal> rates) {
        this.accountCurrency = accountCurrency;
        this.rates = rates;
    }

    /**
     * Rates into an account currency.
     *
     * @param accountCurrency the currency of the account
     * @param rates           per foreign currency, units of account currency per one unit of it; positive
     */
    public static FxRates of(Currency accountCurrency, Map<Currency, BigDecimal> rates) {
        Objects.requireNonNull(accountCurrency, "accountCurrency");
        Map<Currency, BigDecimal> copy = new HashMap<>(rates);
        copy.forEach((ccy, rate) -> {
            if (rate == null || rate.signum() <= 0) {
                throw new IllegalArgumentException("FX rate " + ccy + "/" + accountCurrency + " must be positive");
            }
        });
        BigDecimal self = copy.put(accountCurrency, BigDecimal.ONE);
        if (self != null && self.compareTo(BigDecimal.ONE) != 0) {
            throw new IllegalArgumentException("the account currency converts at 1, not " + self);
        }
        return new FxRates(accountCurrency, Map.copyOf(copy));
    }

    /** An account whose commodities are all in its own currency. */
    public static FxRates none(Currency accountCurrency) {
        return of(accountCurrency, Map.of());
    }

    public Currency accountCurrency() {
        return accountCurrency;
    }

    /** Units of account currency per unit of {@code currency}. */
    public BigDecimal rate(Currency currency) {
        BigDecimal rate = rates.get(currency);
        if (rate == null) {
            throw new IllegalArgumentException(
                    "no FX rate from " + currency + " into the account currency " + accountCurrency);
        }
        return rate;
    }
}
