package io.computeclearing.margin.proposal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;

/** How risk parameter proposals are estimated from an index's history. */
@ConfigMapping(prefix = "ccp.margin.proposal")
public interface ProposalSettings {

    /** Number of daily changes the volatility is measured over; the proposal needs one more index value. */
    @WithDefault("20")
    int window();

    /** Number of consecutive changes each rolling volatility (for the volatility scan range) is measured over. */
    @WithDefault("5")
    int rollingWindow();

    /**
     * The standard normal quantile of the confidence level: 2.326 for 99% one-sided ({@code Phi^-1(0.99) = 2.3263},
     * to three decimals as in published tables).
     */
    @WithDefault("2.326")
    BigDecimal z();

    /** The confidence level z stands for, reported beside it. */
    @WithDefault("0.99")
    BigDecimal confidence();

    /** Days the CCP needs to close out a defaulter's positions (margin period of risk). */
    @WithDefault("2")
    int holdingPeriodDays();

    /** Relative difference above which the parameter in force is flagged as lagging the market (0.10 = 10%). */
    @WithDefault("0.10")
    BigDecimal tolerance();
}
