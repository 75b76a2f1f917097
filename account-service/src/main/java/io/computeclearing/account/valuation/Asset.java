package io.computeclearing.account.valuation;

import java.util.Objects;

/**
 * Something an account can lodge as collateral: cash in a currency (code = ISO 4217 currency) or a security from the
 * securities master (code = security id).
 */
public record Asset(AssetClass assetClass, String code) {

    public enum AssetClass { CASH, SECURITY }

    public Asset {
        Objects.requireNonNull(assetClass, "assetClass");
        Objects.requireNonNull(code, "code");
    }

    public static Asset cash(String currency) {
        return new Asset(AssetClass.CASH, currency);
    }

    public static Asset security(String securityId) {
        return new Asset(AssetClass.SECURITY, securityId);
    }

    public boolean isCash() {
        return assetClass == AssetClass.CASH;
    }
}
