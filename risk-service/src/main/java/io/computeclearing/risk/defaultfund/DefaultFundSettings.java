package io.computeclearing.risk.defaultfund;

import io.computeclearing.risk.fund.FundSizingPolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.time.Period;
import java.util.Currency;

/** How the default fund is sized and allocated ({@code ccp.default-fund.*}). */
@ConfigMapping(prefix = "ccp.default-fund")
public interface DefaultFundSettings {

    /** The fund's currency, the stress runs' reporting currency. */
    @WithDefault("USD")
    String currency();

    /** The sizing period: the daily stress runs of the dates in (as-of - period, as-of]. */
    @WithDefault("P1M")
    Period period();

    /** The margin over the period's largest Cover-2, a fraction (0.10 is 10 %). */
    BigDecimal buffer();

    /** The floor under the fund, in whole cents. */
    BigDecimal minimum();

    /** What every member in the sizing pays at least, in whole cents. */
    BigDecimal minimumContribution();

    /** What the rest of the fund is shared by. */
    @WithDefault("UNCOVERED_STRESS_LOSS")
    RiskMeasure riskMeasure();

    /** The CCP's own tranche ("skin in the game"), reported beside the fund; account-service posts it. */
    BigDecimal ccpTranche();

    /** Whether a daily run's shortfall resizes the fund. */
    @WithDefault("true")
    boolean resizeOnShortfall();

    /** The periodic resize's interval ("30d"), or "off". */
    @WithDefault("30d")
    String resizeEvery();

    /** How often {@link PeriodicSizing} checks whether the periodic resize is due. */
    @WithDefault("1h")
    String periodicCheckEvery();

    /** How often the resizes pending after a shortfall are tried; read by {@link FundShortfalls}' schedule. */
    @WithDefault("5s")
    String shortfallCheckEvery();

    default FundSizingPolicy policy() {
        return new FundSizingPolicy(Currency.getInstance(currency()), buffer(), minimum());
    }

    /** The configurable risk measures, as the settings and the API name them. */
    enum RiskMeasure {
        /** The member's average uncovered stress loss over the period's runs. */
        UNCOVERED_STRESS_LOSS,
        /** The member's average initial margin over the period's runs. */
        INITIAL_MARGIN
    }
}
