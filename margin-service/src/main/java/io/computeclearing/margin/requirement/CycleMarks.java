package io.computeclearing.margin.requirement;

import io.computeclearing.platform.events.settlement.SettlementEvents.CyclePrice;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The prices of a settlement cycle as margin uses them: {@code daily} the price of each instrument still trading,
 * {@code finallySettled} those the cycle settled finally (they carry no margin after it).
 */
public record CycleMarks(Map<String, BigDecimal> daily, Set<String> finallySettled) {

    /** No cycle: margin at the latest settlement prices. */
    public static final CycleMarks NONE = new CycleMarks(Map.of(), Set.of());

    public static CycleMarks of(List<CyclePrice> prices) {
        Map<String, BigDecimal> daily = new TreeMap<>();
        Set<String> finals = new TreeSet<>();
        for (CyclePrice price : prices) {
            if ("FINAL".equals(price.kind())) {
                finals.add(price.instrumentId());
            } else {
                daily.put(price.instrumentId(), price.price());
            }
        }
        return new CycleMarks(daily, finals);
    }
}
