package io.computeclearing.account.collateral;

import io.smallrye.config.ConfigMapping;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the CCP accepts as collateral and how much of it counts. Haircuts are risk decisions, so none has a default:
 * each must be set in configuration.
 */
@ConfigMapping(prefix = "ccp.collateral")
public interface CollateralConfig {

    /**
     * ISO 4217 codes accepted as cash collateral, as account base currencies and as currencies of securities. An
     * amount may have at most the currency's minor-unit decimals (2 for USD and CNY).
     */
    List<String> currencies();

    /** Haircut per security type, a fraction of market value (0.04 = 4%). */
    Haircuts haircuts();

    /**
     * Haircut added for an asset whose currency is not the account's base currency, for the FX risk until it can be
     * sold (CME: 5-15%).
     */
    BigDecimal fxHaircut();

    /** Haircuts by security type. CME for orientation: T-bills 0.5%, Treasuries 1-6%, corporates 20%, gold 15%. */
    interface Haircuts {

        /** Short-dated government bills. */
        BigDecimal treasuryBill();

        /** Government notes and bonds. */
        BigDecimal governmentBond();

        /** Investment-grade corporate bonds. */
        BigDecimal corporateBond();

        /** Gold held at an accepted vault. */
        BigDecimal gold();
    }
}
