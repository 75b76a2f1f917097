package io.computeclearing.margin.requirement;

import io.computeclearing.margin.parameters.InterSpreadDefinition;
import io.computeclearing.margin.parameters.InterSpreadLeg;
import io.computeclearing.margin.parameters.InterSpreadSet;
import io.computeclearing.margin.parameters.InterSpreads;
import io.computeclearing.margin.parameters.RiskParameterSet;
import io.computeclearing.margin.parameters.RiskParameters;
import io.computeclearing.margin.prices.ReferencePrices;
import io.computeclearing.margin.span.AccountType;
import io.computeclearing.margin.span.CombinedCommodity;
import io.computeclearing.margin.span.FxRates;
import io.computeclearing.margin.span.InterCommoditySpread;
import io.computeclearing.margin.span.IntraCommoditySpread;
import io.computeclearing.margin.span.MarginResult;
import io.computeclearing.margin.span.Portfolio;
import io.computeclearing.margin.span.Position;
import io.computeclearing.margin.span.RiskArray;
import io.computeclearing.margin.span.ScenarioGrid;
import io.computeclearing.margin.span.SpanCalculator;
import io.computeclearing.margin.span.SpanContract;
import io.computeclearing.margin.span.SpanParameters;
import io.computeclearing.platform.accounts.KnownAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * The SPAN requirement of a set of holdings, per currency, computed and not stored (the account's recorded margin and
 * what-if margin both use it).
 * <p>
 * Each product family is one combined commodity; each contract month a future whose tier is its month order among the
 * months held (tier 1 the nearest); every pair of months may form a spread at the family's flat charge, nearest pairs
 * first. Each month's risk array is built at its <em>reference price</em>: its latest daily settlement price (at a
 * settlement cycle, the cycle's price), or the family's configured reference price while it has none. The price scan
 * range is
 * {@code |reference price| x priceScanFraction} (a zero price, which has no level to scale, uses the configured
 * reference price), times the contract unit per contract. Commodities are margined per currency with no conversion.
 * <p>
 * The inter-commodity spreads in force (see {@link InterSpreads}) credit opposite positions in related families of one
 * currency, CME's delta-weighted way; a spread applies within a currency's portfolio only when every leg's family is
 * held in it (an omnibus account's long and short portfolios each on their own: within one side every delta has the
 * same sign, so a long-against-short spread gives no credit there, as gross margining intends).
 * <p>
 * House and client segregated accounts are margined net. A client omnibus account pools clients whose longs and shorts
 * do not offset each other: its gross longs and its gross shorts are margined as two portfolios and the requirements
 * added (each rounded up to the cent by the engine before the addition).
 * <p>
 * Left out, with a log line: instruments finally settled (clearing closes their positions) and families without risk
 * parameters in force.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PortfolioMargining {

    private static final Logger LOG = Logger.getLogger(PortfolioMargining.class);
    private static final int RISK_ARRAY_SCALE = 2;
    static final String LONG_SIDE = ":LONG";
    static final String SHORT_SIDE = ":SHORT";

    private final RiskParameters parameters;
    private final InterSpreads interSpreads;
    private final ReferencePrices prices;
    private final SpanCalculator calculator = SpanCalculator.cme();

    public PortfolioMargining(RiskParameters parameters, InterSpreads interSpreads, ReferencePrices prices) {
        this.parameters = parameters;
        this.interSpreads = interSpreads;
        this.prices = prices;
    }

    /** The family parameters and inter-commodity spreads in force on a date: read once, margin many portfolios. */
    public record ParametersInForce(Map<String, RiskParameterSet> families, List<InterSpreadDefinition> spreads) {
    }

    public ParametersInForce parametersOn(LocalDate asOf) {
        return new ParametersInForce(parameters.inForce(asOf),
                interSpreads.inForce(asOf).map(InterSpreadSet::spreads).orElse(List.of()));
    }

    /** The requirement of the holdings per currency with the parameters in force on {@code asOf}. */
    public List<CurrencyMargin> margin(Collection<Holding> holdings, KnownAccount.AccountType accountType,
                                       LocalDate asOf) {
        return margin(holdings, accountType, parametersOn(asOf));
    }

    /** The requirement of the holdings per currency, in currency order; empty when nothing is held. */
    public List<CurrencyMargin> margin(Collection<Holding> holdings, KnownAccount.AccountType accountType,
                                       ParametersInForce parametersInForce) {
        return margin(holdings, accountType, parametersInForce, CycleMarks.NONE);
    }

    /** The same at a settlement cycle's prices: they take the place of the latest settlement prices. */
    public List<CurrencyMargin> margin(Collection<Holding> holdings, KnownAccount.AccountType accountType,
                                       ParametersInForce parametersInForce, CycleMarks marks) {
        Map<String, RiskParameterSet> inForce = parametersInForce.families();
        List<InterSpreadDefinition> spreads = parametersInForce.spreads();
        List<String> ids = holdings.stream().filter(h -> !h.isFlat()).map(Holding::instrumentId).toList();
        Set<String> settled = new HashSet<>(prices.finallySettled(ids));
        settled.addAll(marks.finallySettled());
        Map<String, BigDecimal> settlementPrices = new HashMap<>(prices.latest(ids));
        settlementPrices.putAll(marks.daily());

        Map<String, List<Holding>> byFamily = new TreeMap<>();
        for (Holding h : holdings) {
            if (h.isFlat()) {
                continue;
            }
            if (settled.contains(h.instrumentId())) {
                LOG.infof("%s is finally settled: left out of margin", h.instrumentId());
                continue;
            }
            if (!inForce.containsKey(h.family())) {
                LOG.errorf("no risk parameters for %s: %s left out of margin", h.family(), h.instrumentId());
                continue;
            }
            byFamily.computeIfAbsent(h.family(), f -> new ArrayList<>()).add(h);
        }

        Map<String, Map<String, List<Holding>>> byCurrency = new TreeMap<>();
        byFamily.forEach((family, held) -> byCurrency.computeIfAbsent(inForce.get(family).currency,
                c -> new TreeMap<>()).put(family, held));

        List<CurrencyMargin> result = new ArrayList<>();
        byCurrency.forEach((currency, families) -> {
            if (accountType == KnownAccount.AccountType.CLIENT_OMNIBUS) {
                result.add(add(currency,
                        side(families, inForce, spreads, settlementPrices, accountType, LONG_SIDE,
                                Holding::longQuantity),
                        side(families, inForce, spreads, settlementPrices, accountType, SHORT_SIDE,
                                h -> -h.shortQuantity())));
            } else {
                result.add(add(currency,
                        side(families, inForce, spreads, settlementPrices, accountType, "", Holding::netQuantity)));
            }
        });
        return result;
    }

    /** The engine's result for one side of the book (signed quantities), or none when that side is empty. */
    private List<MarginResult> side(Map<String, List<Holding>> families, Map<String, RiskParameterSet> inForce,
                                    List<InterSpreadDefinition> spreads, Map<String, BigDecimal> settlementPrices,
                                    KnownAccount.AccountType accountType, String suffix,
                                    ToLongFunction<Holding> quantity) {
        List<CombinedCommodity> commodities = new ArrayList<>();
        List<Position> positions = new ArrayList<>();
        families.forEach((family, held) -> {
            commodities.add(commodity(inForce.get(family), family + suffix, held, settlementPrices, accountType));
            held.forEach(h -> positions.add(Position.of(h.instrumentId(), quantity.applyAsLong(h))));
        });
        if (positions.stream().allMatch(p -> p.quantity() == 0)) {
            return List.of();
        }
        Currency currency = commodities.getFirst().currency();
        return List.of(calculator.calculate(Portfolio.of(positions),
                SpanParameters.of(commodities, engineSpreads(spreads, families.keySet(), suffix)),
                Map.of(), FxRates.none(currency), spanAccountType(accountType)));
    }

    private static CurrencyMargin add(String currency, List<MarginResult> longs, List<MarginResult> shorts) {
        List<MarginResult> both = new ArrayList<>(longs);
        both.addAll(shorts);
        return add(currency, both);
    }

    private static CurrencyMargin add(String currency, List<MarginResult> results) {
        BigDecimal initial = BigDecimal.ZERO.setScale(2);
        BigDecimal maintenance = BigDecimal.ZERO.setScale(2);
        List<MarginResult.CommodityRisk> commodities = new ArrayList<>();
        for (MarginResult r : results) {
            initial = initial.add(r.initialRequirement());
            maintenance = maintenance.add(r.maintenanceRequirement());
            commodities.addAll(r.commodities());
        }
        return new CurrencyMargin(currency, initial, maintenance,
                commodities.stream().map(CommodityCharges::of).toList(), commodities);
    }

    /**
     * The spreads whose every leg's family is in this portfolio, on the portfolio's combined commodities (family plus
     * the side's suffix). No spot (delivery) month is defined for these futures, so no credit is blocked by one.
     */
    static List<InterCommoditySpread> engineSpreads(List<InterSpreadDefinition> spreads, Set<String> families,
                                                    String suffix) {
        List<InterCommoditySpread> engine = new ArrayList<>();
        for (InterSpreadDefinition spread : spreads) {
            if (spread.legs().stream().allMatch(l -> families.contains(l.family()))) {
                List<InterCommoditySpread.Leg> legs = new ArrayList<>();
                for (InterSpreadLeg leg : spread.legs()) {
                    legs.add(InterCommoditySpread.Leg.of(leg.family() + suffix, leg.deltaRatio(),
                            InterCommoditySpread.Side.valueOf(leg.side())));
                }
                engine.add(new InterCommoditySpread(spread.priority(), legs, spread.creditRate(), false));
            }
        }
        return engine;
    }

    /** The family's combined commodity over the months held: tier = month order, scan at each reference price. */
    private static CombinedCommodity commodity(RiskParameterSet p, String id, List<Holding> held,
                                               Map<String, BigDecimal> settlementPrices,
                                               KnownAccount.AccountType accountType) {
        ScenarioGrid grid = ScenarioGrid.of(p.extremeMoveMultiple, p.extremeMoveCover);
        List<SpanContract> contracts = new ArrayList<>();
        // Instrument ids end in YYYYMM, so their order is the month order.
        List<String> months = held.stream().map(Holding::instrumentId).sorted().toList();
        for (int i = 0; i < months.size(); i++) {
            BigDecimal reference = settlementPrices.getOrDefault(months.get(i), p.referencePrice);
            contracts.add(SpanContract.future(months.get(i), i + 1, RiskArray.forFuture(grid, reference,
                    p.priceScanRange(reference), p.contractUnit, RISK_ARRAY_SCALE)));
        }
        List<IntraCommoditySpread> spreads = new ArrayList<>();
        int priority = 1;
        for (int distance = 1; distance < months.size(); distance++) {
            for (int tier = 1; tier + distance <= months.size(); tier++) {
                spreads.add(IntraCommoditySpread.of(priority++, tier, tier + distance, p.intraSpreadCharge));
            }
        }
        return CombinedCommodity.of(id, Currency.getInstance(p.currency), contracts)
                .withIntraSpreads(spreads)
                .withInitialToMaintenance(Map.of(spanAccountType(accountType), p.ratio(accountType)));
    }

    /**
     * The engine's account category: a house account is margined like a clearing member's own, a client account like
     * a speculator's. The ratio itself comes from the parameters of the clearing house's account type.
     */
    private static AccountType spanAccountType(KnownAccount.AccountType accountType) {
        return accountType == KnownAccount.AccountType.HOUSE ? AccountType.MEMBER : AccountType.SPECULATOR;
    }
}
