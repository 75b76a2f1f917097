package io.computeclearing.settlement.run;

import io.computeclearing.settlement.finalsettlement.FinalSettlementFixing;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * The prices a run settles at: per instrument today's daily settlement price, or for an instrument on its last
 * trading day its final settlement fixing; and the previous price of every instrument with a position to revalue:
 * the previous run's, or the price of the date's last intraday cycle that settled it.
 */
public record RunPrices(Map<String, BigDecimal> daily, Map<String, FinalSettlementFixing> finals,
                        Map<String, BigDecimal> previous) {

    public boolean isFinal(String instrumentId) {
        return finals.containsKey(instrumentId);
    }

    /** The same prices, with the previous price of instruments an intraday cycle of the date settled replaced. */
    public RunPrices after(Map<String, BigDecimal> cyclePrices) {
        Map<String, BigDecimal> merged = new TreeMap<>(previous);
        merged.putAll(cyclePrices);
        return new RunPrices(daily, finals, merged);
    }

    public BigDecimal settlementPrice(String instrumentId) {
        return isFinal(instrumentId) ? finals.get(instrumentId).price() : daily.get(instrumentId);
    }
}
