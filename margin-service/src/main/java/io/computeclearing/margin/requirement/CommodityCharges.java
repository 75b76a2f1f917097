package io.computeclearing.margin.requirement;

import io.computeclearing.margin.span.MarginResult;
import io.computeclearing.platform.events.margin.MarginEvents.CommodityCharge;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The published form of the engine's breakdown of one combined commodity, at scale 2. Rounding rule: what adds to the
 * requirement (scan risk, intra-commodity spread and spot charges, short option minimum, the risk itself) is rounded
 * UP, the inter-commodity credit that reduces it DOWN, so no line understates the requirement; the net option value,
 * a valuation, HALF_EVEN. The lines are therefore an explanation to the cent, not an exact decomposition.
 */
final class CommodityCharges {

    private static final int SCALE = 2;

    private CommodityCharges() {
    }

    static CommodityCharge of(MarginResult.CommodityRisk risk) {
        return new CommodityCharge(risk.commodityId(), risk.currency().getCurrencyCode(), up(risk.scanRisk()),
                risk.activeScenario(), up(risk.intraCharge()), up(risk.spotCharge()),
                risk.interCredit().setScale(SCALE, RoundingMode.DOWN), up(risk.shortOptionMinimum()),
                risk.netOptionValue().setScale(SCALE, RoundingMode.HALF_EVEN), up(risk.maintenanceRisk()));
    }

    private static BigDecimal up(BigDecimal amount) {
        return amount.setScale(SCALE, RoundingMode.UP);
    }
}
