package io.computeclearing.margin.span;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * An inter-commodity spread: a credit for positions in related combined commodities (GPU-hour vs token futures, H100
 * vs B200) whose prices move together, so that a long in one and a short in the other risk less than their separate
 * scans say. Legs on side A must have net deltas of one sign and legs on side B the other.
 * <p>
 * Delta style (CME standard): {@code spreads = min(available |delta_i| / ratio_i)}, credit on each leg
 * {@code spreads x ratio_i x WPR_i x creditRate}, deltas consumed, next priority. Scenario style see
 * {@link SpanMethod.InterCommodityCreditMethod#SCENARIO_OFFSET}.
 *
 * @param priority                  processing order, lowest first
 * @param legs                      two or more legs
 * @param creditRate                the share of the legs' price risk credited, within [0, 1]
 * @param deliveryMonthBlocksCredit true when no credit is given while a leg holds a position in its delivery (spot)
 *                                  month, as at CME
 */
public record InterCommoditySpread(int priority, List<Leg> legs, BigDecimal creditRate,
        boolean deliveryMonthBlocksCredit) {

    /** Side of a leg: A legs are on one side of the spread, B legs on the other. */
    public enum Side {
        A, B
    }

    /**
     * One leg.
     *
     * @param commodityId the combined commodity
     * @param deltaRatio  delta of this commodity per spread, positive
     * @param side        side of the spread
     */
    public record Leg(String commodityId, BigDecimal deltaRatio, Side side) {
        public Leg {
            Objects.requireNonNull(commodityId, "commodityId");
            Objects.requireNonNull(deltaRatio, "deltaRatio");
            Objects.requireNonNull(side, "side");
            if (deltaRatio.signum() <= 0) {
                throw new IllegalArgumentException("delta ratio must be positive, was " + deltaRatio);
            }
        }

        public static Leg of(String commodityId, BigDecimal deltaRatio, Side side) {
            return new Leg(commodityId, deltaRatio, side);
        }
    }

    public InterCommoditySpread {
        Objects.requireNonNull(creditRate, "creditRate");
        legs = List.copyOf(legs);
        if (legs.size() < 2) {
            throw new IllegalArgumentException("an inter-commodity spread needs at least two legs");
        }
        if (legs.stream().map(Leg::commodityId).distinct().count() != legs.size()) {
            throw new IllegalArgumentException("each commodity may appear once in a spread");
        }
        if (legs.stream().noneMatch(l -> l.side() == Side.A) || legs.stream().noneMatch(l -> l.side() == Side.B)) {
            throw new IllegalArgumentException("a spread needs legs on both sides");
        }
        if (creditRate.signum() < 0 || creditRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("credit rate must be within [0, 1], was " + creditRate);
        }
    }

    /** A two-legged spread. */
    public static InterCommoditySpread of(int priority, Leg a, Leg b, BigDecimal creditRate,
            boolean deliveryMonthBlocksCredit) {
        return new InterCommoditySpread(priority, List.of(a, b), creditRate, deliveryMonthBlocksCredit);
    }
}
