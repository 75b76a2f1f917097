package io.computeclearing.account.valuation;

import java.math.BigDecimal;
import java.util.List;

/**
 * An account's collateral valued after haircuts against its margin requirement, in the account's base currency.
 * {@code excess = collateralValue - marginRequirement}; negative means the account is short of collateral (a margin
 * call), positive is what may be withdrawn.
 */
public record AccountValuation(String baseCurrency, List<HoldingValue> holdings, BigDecimal collateralValue,
                               List<RequirementValue> requirements, BigDecimal marginRequirement, BigDecimal excess) {

    /**
     * One holding. {@code marketValue} and {@code collateralValue} are in the asset's {@code currency};
     * {@code collateralValueInBaseCurrency} after conversion with {@code fxPair} at {@code fxRate} (both null when the
     * asset is in the base currency). {@code price} is per 100 nominal, null for cash.
     */
    public record HoldingValue(String asset, Asset.AssetClass assetClass, String assetType, String currency,
                               BigDecimal quantity, BigDecimal price, BigDecimal marketValue, BigDecimal haircut,
                               BigDecimal fxHaircut, BigDecimal collateralValue, String fxPair, BigDecimal fxRate,
                               BigDecimal collateralValueInBaseCurrency) {
    }

    /** The initial margin required in one currency and its equivalent in the base currency (rounded up). */
    public record RequirementValue(String currency, BigDecimal initialMargin, String fxPair, BigDecimal fxRate,
                                   BigDecimal initialMarginInBaseCurrency) {
    }
}
