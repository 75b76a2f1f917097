package io.computeclearing.account.collateral;

import io.computeclearing.account.valuation.CollateralValuer;
import io.computeclearing.account.valuation.HaircutSchedule;
import io.computeclearing.account.valuation.SecurityType;
import io.computeclearing.platform.problem.ProblemException;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * The configured collateral rules, checked once at start-up (a wrong currency or haircut stops the service rather
 * than mis-valuing collateral): which currencies are accepted, their decimals, and the haircut schedule.
 */
@Startup
@ApplicationScoped
public class CollateralPolicy {

    private final List<String> currencies;
    private final HaircutSchedule haircuts;

    public CollateralPolicy(CollateralConfig config) {
        this.currencies = List.copyOf(config.currencies());
        for (String currency : currencies) {
            try {
                Currency.getInstance(currency);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("ccp.collateral.currencies: " + currency + " is not an ISO 4217 code");
            }
        }
        CollateralConfig.Haircuts byType = config.haircuts();
        this.haircuts = new HaircutSchedule(Map.of(
                SecurityType.TREASURY_BILL, byType.treasuryBill(),
                SecurityType.GOVERNMENT_BOND, byType.governmentBond(),
                SecurityType.CORPORATE_BOND, byType.corporateBond(),
                SecurityType.GOLD, byType.gold()), config.fxHaircut());
    }

    public List<String> currencies() {
        return currencies;
    }

    public HaircutSchedule haircuts() {
        return haircuts;
    }

    /** Fails with 400 on {@code field} unless the currency is accepted. */
    public String requireCurrency(String field, String currency) {
        if (!currencies.contains(currency)) {
            throw ProblemException.invalid(field, "currency " + currency + " is not accepted; use one of "
                    + String.join(", ", currencies));
        }
        return currency;
    }

    /**
     * Fails with 400 on {@code field} unless the amount is positive with at most the currency's minor-unit decimals;
     * returns it at exactly that scale (1000000 becomes 1000000.00 for USD).
     */
    public BigDecimal requireAmount(String field, String currency, BigDecimal amount) {
        return requireQuantity(field, amount, CollateralValuer.minorUnits(currency), currency);
    }

    /** As {@link #requireAmount} for a quantity with a given number of decimals. */
    public static BigDecimal requireQuantity(String field, BigDecimal quantity, int decimals, String unit) {
        if (quantity.signum() <= 0) {
            throw ProblemException.invalid(field, "must be greater than 0");
        }
        if (quantity.stripTrailingZeros().scale() > decimals) {
            throw ProblemException.invalid(field, "at most " + decimals + " decimal places for " + unit + ", was "
                    + quantity.toPlainString());
        }
        return quantity.setScale(decimals);
    }
}
