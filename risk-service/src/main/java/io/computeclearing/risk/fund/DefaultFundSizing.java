package io.computeclearing.risk.fund;

import io.computeclearing.platform.money.MinorUnits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Sizes the default fund from Cover-2 and checks it against a day's Cover-2.
 * <p>
 * Cover-2 (per scenario the two largest member groups' uncovered stress losses added, then the maximum over the
 * scenarios) comes from the stress runs. The fund is {@code max(maxCover2 x (1 + buffer), minimum)}, rounded UP to the
 * currency's minor unit: the fund is a requirement on the members, and rounding never understates a requirement.
 */
public final class DefaultFundSizing {

    private final FundSizingPolicy policy;
    private final MinorUnits units;

    public DefaultFundSizing(FundSizingPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.units = new MinorUnits(policy.currency());
    }

    /** The fund for the largest Cover-2 of the sizing period, zero or more, in the policy's currency. */
    public FundSize size(BigDecimal maxCover2) {
        requireNotNegative(maxCover2, "Cover-2");
        BigDecimal buffered = maxCover2.multiply(BigDecimal.ONE.add(policy.buffer()));
        boolean minimumApplied = buffered.compareTo(policy.minimum()) < 0;
        BigDecimal fund = (minimumApplied ? policy.minimum() : buffered)
                .setScale(units.digits(), RoundingMode.CEILING);
        return new FundSize(policy.currency(), maxCover2, policy.buffer(), buffered, policy.minimum(), fund,
                minimumApplied);
    }

    /**
     * How far the fund in force falls short of a day's Cover-2: {@code max(0, cover2 - fund)}, rounded UP to the
     * minor unit (a shortfall is never understated). Zero means the fund still covers the day; more asks for a resize.
     */
    public BigDecimal shortfall(BigDecimal fundInForce, BigDecimal dayCover2) {
        requireNotNegative(fundInForce, "the fund in force");
        requireNotNegative(dayCover2, "Cover-2");
        return dayCover2.subtract(fundInForce).max(BigDecimal.ZERO).setScale(units.digits(), RoundingMode.CEILING);
    }

    private static void requireNotNegative(BigDecimal amount, String what) {
        Objects.requireNonNull(amount, what);
        if (amount.signum() < 0) {
            throw new IllegalArgumentException(what + " cannot be negative: " + amount.toPlainString());
        }
    }
}
