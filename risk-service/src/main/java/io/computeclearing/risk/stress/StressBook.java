package io.computeclearing.risk.stress;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Everything a stress run revalues, loaded once: the instruments held with their settlement prices, every account's
 * portfolio, the initial margin each account holds per currency (its latest requirement), and the business date's
 * exchange rates: {@code usdRates.get(c)} units of currency {@code c} buy one US dollar (1 for USD).
 */
public record StressBook(List<StressInstrument> instruments, List<Portfolio> portfolios,
                         Map<String, Map<String, BigDecimal>> initialMargin, Map<String, BigDecimal> usdRates) {

    /** The reporting currency of every converted amount. */
    public static final String REPORTING_CURRENCY = "USD";

    /** The currency the FX shock of a scenario moves against the dollar. */
    public static final String SHOCKED_CURRENCY = "CNY";
}
