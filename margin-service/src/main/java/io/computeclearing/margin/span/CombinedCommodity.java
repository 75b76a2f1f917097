package io.computeclearing.margin.span;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A combined commodity: all contracts (futures and options, all months) on one underlying, margined together. Holds
 * the contracts with their risk arrays and tiers, the intra-commodity spreads, the spot month charges, the short
 * option minimum rate and the ratio of initial to maintenance margin per account type.
 *
 * @param id                      identifier, e.g. {@code H100}
 * @param currency                currency of the risk arrays and charges
 * @param contracts               the contracts
 * @param intraSpreads            intra-commodity spreads (any order; processed by priority)
 * @param spotMonthCharges        spot month charges for tiers in their delivery period (none when no month is spot)
 * @param shortOptionMinimumRate  charge per short option, not negative
 * @param initialToMaintenance    ratio of initial to maintenance margin by account type, each at least 1; a missing
 *                                account type means 1
 */
public record CombinedCommodity(String id, Currency currency, List<SpanContract> contracts,
        List<IntraCommoditySpread> intraSpreads, List<SpotMonthCharge> spotMonthCharges,
        BigDecimal shortOptionMinimumRate, Map<AccountType, BigDecimal> initialToMaintenance) {

    public CombinedCommodity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(shortOptionMinimumRate, "shortOptionMinimumRate");
        contracts = List.copyOf(contracts);
        intraSpreads = intraSpreads.stream().sorted(Comparator.comparingInt(IntraCommoditySpread::priority)).toList();
        spotMonthCharges = List.copyOf(spotMonthCharges);
        initialToMaintenance = initialToMaintenance.isEmpty() ? Map.of()
                : Map.copyOf(new EnumMap<>(initialToMaintenance));
        if (contracts.isEmpty()) {
            throw new IllegalArgumentException("combined commodity " + id + " has no contracts");
        }
        Map<String, SpanContract> seen = new HashMap<>();
        for (SpanContract c : contracts) {
            if (seen.put(c.contractId(), c) != null) {
                throw new IllegalArgumentException("contract " + c.contractId() + " listed twice in " + id);
            }
        }
        if (shortOptionMinimumRate.signum() < 0) {
            throw new IllegalArgumentException("short option minimum rate must not be negative");
        }
        initialToMaintenance.forEach((type, ratio) -> {
            if (ratio.compareTo(BigDecimal.ONE) < 0) {
                throw new IllegalArgumentException(
                        "initial/maintenance ratio for " + type + " must be at least 1, was " + ratio);
            }
        });
        if (spotMonthCharges.stream().map(SpotMonthCharge::tier).distinct().count() != spotMonthCharges.size()) {
            throw new IllegalArgumentException("one spot month charge per tier in " + id);
        }
    }

    /** A commodity of futures only, no spreads, no spot month, ratio 1. */
    public static CombinedCommodity of(String id, Currency currency, List<SpanContract> contracts) {
        return new CombinedCommodity(id, currency, contracts, List.of(), List.of(), BigDecimal.ZERO, Map.of());
    }

    /** A copy with these intra-commodity spreads. */
    public CombinedCommodity withIntraSpreads(List<IntraCommoditySpread> spreads) {
        return new CombinedCommodity(id, currency, contracts, spreads, spotMonthCharges, shortOptionMinimumRate,
                initialToMaintenance);
    }

    /** A copy with these spot month charges. */
    public CombinedCommodity withSpotMonthCharges(List<SpotMonthCharge> charges) {
        return new CombinedCommodity(id, currency, contracts, intraSpreads, charges, shortOptionMinimumRate,
                initialToMaintenance);
    }

    /** A copy with this short option minimum rate. */
    public CombinedCommodity withShortOptionMinimumRate(BigDecimal rate) {
        return new CombinedCommodity(id, currency, contracts, intraSpreads, spotMonthCharges, rate,
                initialToMaintenance);
    }

    /** A copy with these initial/maintenance ratios. */
    public CombinedCommodity withInitialToMaintenance(Map<AccountType, BigDecimal> ratios) {
        return new CombinedCommodity(id, currency, contracts, intraSpreads, spotMonthCharges, shortOptionMinimumRate,
                ratios);
    }

    /** The contract with this id, if it belongs to this commodity. */
    public Optional<SpanContract> contract(String contractId) {
        return contracts.stream().filter(c -> c.contractId().equals(contractId)).findFirst();
    }

    /** The ratio of initial to maintenance margin for the account type (1 when not set). */
    public BigDecimal initialToMaintenance(AccountType type) {
        return initialToMaintenance.getOrDefault(type, BigDecimal.ONE);
    }

    /** Whether the tier is in its delivery period (has a spot month charge). */
    public boolean isSpotTier(int tier) {
        for (SpotMonthCharge charge : spotMonthCharges) {
            if (charge.tier() == tier) {
                return true;
            }
        }
        return false;
    }
}
