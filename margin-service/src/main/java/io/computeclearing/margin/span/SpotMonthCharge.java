package io.computeclearing.margin.span;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The spot (delivery) month charge for one tier that is in its delivery period: positions close to delivery carry
 * risks scanning does not see (delivery squeeze, convergence). Charge =
 * {@code delta consumed in intra spreads x spreadRate + |remaining outright delta| x outrightRate}.
 *
 * @param tier         the tier holding the delivery month
 * @param spreadRate   charge per unit of delta consumed in intra-commodity spreads, not negative
 * @param outrightRate charge per unit of delta left outright, not negative
 */
public record SpotMonthCharge(int tier, BigDecimal spreadRate, BigDecimal outrightRate) {

    public SpotMonthCharge {
        Objects.requireNonNull(spreadRate, "spreadRate");
        Objects.requireNonNull(outrightRate, "outrightRate");
        if (spreadRate.signum() < 0 || outrightRate.signum() < 0) {
            throw new IllegalArgumentException("spot month rates must not be negative");
        }
    }

    public static SpotMonthCharge of(int tier, BigDecimal spreadRate, BigDecimal outrightRate) {
        return new SpotMonthCharge(tier, spreadRate, outrightRate);
    }
}
