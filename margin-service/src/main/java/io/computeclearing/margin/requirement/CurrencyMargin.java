package io.computeclearing.margin.requirement;

import io.computeclearing.margin.span.MarginResult;
import io.computeclearing.platform.events.margin.MarginEvents.CommodityCharge;
import io.computeclearing.platform.events.margin.MarginEvents.CurrencyRequirement;

import java.math.BigDecimal;
import java.util.List;

/**
 * A portfolio's requirement in one currency: initial and maintenance margin (scale 2, rounded up), the breakdown per
 * combined commodity as published ({@code charges}, scale 2) and the engine's exact figures ({@code commodities}, with
 * the 16 scenario losses). For a client omnibus account the longs and the shorts are two portfolios: each combined
 * commodity appears twice, as {@code FAMILY:LONG} and {@code FAMILY:SHORT}.
 */
public record CurrencyMargin(String currency, BigDecimal initialMargin, BigDecimal maintenanceMargin,
                             List<CommodityCharge> charges, List<MarginResult.CommodityRisk> commodities) {

    public CurrencyMargin {
        charges = List.copyOf(charges);
        commodities = List.copyOf(commodities);
    }

    public CurrencyRequirement requirement() {
        return new CurrencyRequirement(currency, initialMargin, maintenanceMargin);
    }
}
