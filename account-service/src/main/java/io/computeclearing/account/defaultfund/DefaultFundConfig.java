package io.computeclearing.account.defaultfund;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;

/**
 * The default fund as account-service keeps it: members' contributions, cash in one currency, and what else stands
 * behind a default in the waterfall (the CCP's own tranche, the survivors' assessments). Checked at start-up by
 * {@link io.computeclearing.account.waterfall.DefaultWaterfalls}.
 */
@ConfigMapping(prefix = "ccp.default-fund")
public interface DefaultFundConfig {

    /** The currency contributions are required and held in; the risk service sizes the fund in it. */
    @WithDefault("USD")
    String currency();

    /**
     * The CCP's own capital committed to defaults ("skin in the game"), in the fund's currency: the third layer of
     * the waterfall, after the defaulter's collateral and contribution and before the survivors' contributions. What
     * waterfalls have drawn from it (book CCP_OWN_FUNDS) is no longer available until this amount is raised. Zero or
     * more, at most the currency's minor-unit decimals.
     */
    @WithDefault("250000.00")
    BigDecimal ccpTranche();

    /**
     * How far the survivors may be assessed beyond their contributions, as a multiple of each one's contribution held
     * (1: at most one more contribution each; 0: no assessments). Zero or more.
     */
    @WithDefault("1")
    BigDecimal assessmentMultiple();
}
