package io.computeclearing.margin.span;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An intra-commodity (calendar) spread between two tiers of one combined commodity. Scanning assumes all months move
 * together; this charge covers the basis risk between them. Processed in priority order (lowest first):
 * {@code spreads = min(|delta A| / ratioA, |delta B| / ratioB)} when the remaining tier deltas have opposite signs,
 * {@code charge += spreads x chargeRate}, and {@code spreads x ratio} of delta is consumed from each tier.
 * <p>
 * The rate is flat per spread. Differences in outright risk between tiers (e.g. a back month with a larger scan range)
 * are not part of this rate: each tier's contracts carry risk arrays built from the tier's own scan range, so scanning
 * already charges the outright difference (see the CME calendar example in the tests).
 *
 * @param priority   processing order, lowest first
 * @param tierA      first leg's tier
 * @param tierB      second leg's tier
 * @param ratioA     delta of tier A per spread, positive
 * @param ratioB     delta of tier B per spread, positive
 * @param chargeRate charge per spread, in the commodity's currency, not negative
 */
public record IntraCommoditySpread(int priority, int tierA, int tierB, BigDecimal ratioA, BigDecimal ratioB,
        BigDecimal chargeRate) {

    public IntraCommoditySpread {
        Objects.requireNonNull(ratioA, "ratioA");
        Objects.requireNonNull(ratioB, "ratioB");
        Objects.requireNonNull(chargeRate, "chargeRate");
        if (tierA == tierB) {
            throw new IllegalArgumentException("an intra-commodity spread needs two different tiers, got " + tierA);
        }
        if (ratioA.signum() <= 0 || ratioB.signum() <= 0) {
            throw new IllegalArgumentException("delta ratios must be positive");
        }
        if (chargeRate.signum() < 0) {
            throw new IllegalArgumentException("charge rate must not be negative, was " + chargeRate);
        }
    }

    /** A one-to-one spread. */
    public static IntraCommoditySpread of(int priority, int tierA, int tierB, BigDecimal chargeRate) {
        return new IntraCommoditySpread(priority, tierA, tierB, BigDecimal.ONE, BigDecimal.ONE, chargeRate);
    }
}
