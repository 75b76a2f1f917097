package io.computeclearing.margin.span;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A complete SPAN parameter set: the combined commodities (with their contracts' risk arrays) and the inter-commodity
 * spreads between them, as a CCP publishes them daily.
 *
 * @param commodities  the combined commodities, each contract in exactly one
 * @param interSpreads the inter-commodity spreads, sorted by priority
 */
public record SpanParameters(List<CombinedCommodity> commodities, List<InterCommoditySpread> interSpreads) {

    public SpanParameters {
        commodities = List.copyOf(commodities);
        interSpreads = interSpreads.stream().sorted(Comparator.comparingInt(InterCommoditySpread::priority)).toList();
        Set<String> ids = new HashSet<>();
        Map<String, String> owner = new HashMap<>();
        for (CombinedCommodity cc : commodities) {
            if (!ids.add(cc.id())) {
                throw new IllegalArgumentException("combined commodity " + cc.id() + " listed twice");
            }
            for (SpanContract c : cc.contracts()) {
                String previous = owner.put(c.contractId(), cc.id());
                if (previous != null) {
                    throw new IllegalArgumentException(
                            "contract " + c.contractId() + " is in both " + previous + " and " + cc.id());
                }
            }
        }
        for (InterCommoditySpread s : interSpreads) {
            for (InterCommoditySpread.Leg leg : s.legs()) {
                if (!ids.contains(leg.commodityId())) {
                    throw new IllegalArgumentException("inter-commodity spread priority " + s.priority()
                            + " names unknown combined commodity " + leg.commodityId());
                }
            }
        }
    }

    public static SpanParameters of(List<CombinedCommodity> commodities, List<InterCommoditySpread> interSpreads) {
        return new SpanParameters(commodities, interSpreads);
    }

    public static SpanParameters of(CombinedCommodity... commodities) {
        return new SpanParameters(List.of(commodities), List.of());
    }

    /** The combined commodity with this id. */
    public Optional<CombinedCommodity> commodity(String id) {
        Objects.requireNonNull(id, "id");
        return commodities.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
