package io.computeclearing.account.valuation;

import java.math.BigDecimal;
import java.util.Map;

/**
 * How much of an asset's market value the CCP does not count, as a fraction: collateral value = market value x
 * (1 - haircut). Cash in the account's base currency has none; securities have one per {@link SecurityType}; any asset
 * in another currency carries the FX haircut on top (added, capped at 1). CME publishes for orientation: T-bills 0.5%,
 * Treasuries 1-6%, corporate bonds 20%, gold 15%, cash in another currency 5-15%.
 */
public record HaircutSchedule(Map<SecurityType, BigDecimal> bySecurityType, BigDecimal fxHaircut) {

    public HaircutSchedule {
        bySecurityType = Map.copyOf(bySecurityType);
        for (SecurityType type : SecurityType.values()) {
            requireFraction(type.name(), bySecurityType.get(type));
        }
        requireFraction("fx", fxHaircut);
    }

    public BigDecimal of(SecurityType type) {
        return bySecurityType.get(type);
    }

    private static void requireFraction(String name, BigDecimal haircut) {
        if (haircut == null || haircut.signum() < 0 || haircut.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("haircut " + name + " must be at least 0 and below 1, was " + haircut);
        }
    }
}
