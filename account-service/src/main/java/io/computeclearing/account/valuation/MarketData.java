package io.computeclearing.account.valuation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** The prices and FX rates a valuation needs, each the latest known. */
public interface MarketData {

    /** The security's terms and latest price; empty if it is unknown or has no price. */
    Optional<SecurityQuote> security(String securityId);

    /** The latest rate between two currencies, quoted either way round; empty if there is none. */
    Optional<FxQuote> fxRate(String currency, String otherCurrency);

    /** A security's latest price, per 100 nominal (bond convention), in {@code currency}. */
    record SecurityQuote(String securityId, SecurityType type, String currency, BigDecimal price, Instant asOf) {
    }

    /** One unit of {@code baseCurrency} costs {@code rate} units of {@code quoteCurrency} (USD/CNY 7.10). */
    record FxQuote(String baseCurrency, String quoteCurrency, BigDecimal rate, Instant asOf) {

        public String pair() {
            return baseCurrency + "/" + quoteCurrency;
        }
    }
}
