package io.computeclearing.settlement.run;

import io.computeclearing.settlement.finalsettlement.FinalSettlementFixing;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The prices a run settles at: per instrument today's daily settlement price, or for an instrument on its last
 * trading day its final settlement fixing; and the previous run's price of every instrument with a start-of-day
 * position.
 */
public record RunPrices(Map<String, BigDecimal> daily, Map<String, FinalSettlementFixing> finals,
                        Map<String, BigDecimal> previous) {

    public boolean isFinal(String instrumentId) {
        return finals.containsKey(instrumentId);
    }

    public BigDecimal settlementPrice(String instrumentId) {
        return isFinal(instrumentId) ? finals.get(instrumentId).price() : daily.get(instrumentId);
    }
}
