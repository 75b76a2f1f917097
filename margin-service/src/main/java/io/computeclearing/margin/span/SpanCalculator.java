package io.computeclearing.margin.span;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes the SPAN margin requirement of one account.
 * <p>
 * Per combined commodity: scanning risk, intra-commodity spread charge, spot month charge, inter-commodity spread
 * credit and short option minimum, giving {@code risk = max(scan + intra + spot - inter, short option minimum)}.
 * For the account: {@code maintenance = max(0, sum of risks - net option value)} and
 * {@code initial = max(0, sum of risks x initial/maintenance ratio - net option value)}, both converted into the
 * account currency. With one ratio {@code r} for every commodity and no options this is {@code maintenance x r}; the
 * net option value is not scaled because it is the liquidation value of the options, not a risk estimate.
 * <p>
 * Arithmetic: {@code BigDecimal} throughout. Products are exact; divisions (weighted price risk, spreads, credit
 * shares) use 34 significant digits ({@link MathContext#DECIMAL128}); only the account's requirements are rounded,
 * UP to scale 2. Scanning sums {@code quantity x loss} in exact long arithmetic on unscaled values (same value and
 * scale as the {@code BigDecimal} sum; {@code BigDecimal} again on overflow), and one-to-one spread ratios skip the
 * division (see {@code ScanningFastPathTest}). The contract index of the last parameter set is kept, since an
 * end-of-day run margins every account with the same set.
 * <p>
 * Thread-safe: its only state besides the method is the cached contract index, replaced whole through a volatile
 * field.
 */
public final class SpanCalculator {

    private static final MathContext MC = MathContext.DECIMAL128;
    private static final int MONEY_SCALE = 2;

    private final SpanMethod method;
    /** The contract index of the parameters used last: an end-of-day run margins every account with one set. */
    private volatile ContractIndex lastIndex;

    private SpanCalculator(SpanMethod method) {
        this.method = method;
    }

    /** Which combined commodity each contract belongs to, for one parameter set (compared by identity). */
    private record ContractIndex(SpanParameters parameters, Map<String, CombinedCommodity> byContract) {

        static ContractIndex of(SpanParameters parameters) {
            Map<String, CombinedCommodity> byContract = new HashMap<>();
            for (CombinedCommodity cc : parameters.commodities()) {
                cc.contracts().forEach(c -> byContract.put(c.contractId(), cc));
            }
            return new ContractIndex(parameters, Map.copyOf(byContract));
        }
    }

    private Map<String, CombinedCommodity> contractIndex(SpanParameters parameters) {
        ContractIndex index = lastIndex;
        if (index == null || index.parameters() != parameters) {
            index = ContractIndex.of(parameters);
            lastIndex = index;
        }
        return index.byContract();
    }

    /** A calculator using the given method of assembly. */
    public static SpanCalculator of(SpanMethod method) {
        return new SpanCalculator(Objects.requireNonNull(method, "method"));
    }

    /** A calculator using CME's standard method. */
    public static SpanCalculator cme() {
        return of(SpanMethod.CME);
    }

    public SpanMethod method() {
        return method;
    }

    /**
     * The requirement of one account.
     *
     * @param portfolio    the account's positions; every contract must be in the parameters
     * @param parameters   the SPAN parameters in force
     * @param optionValues value of one long contract per option contract (settlement premium x multiplier), in the
     *                     commodity's currency; needed for every option position held
     * @param fxRates      conversion into the account currency; needed for every commodity currency held
     * @param accountType  selects the initial/maintenance ratio
     */
    public MarginResult calculate(Portfolio portfolio, SpanParameters parameters, Map<String, BigDecimal> optionValues,
            FxRates fxRates, AccountType accountType) {
        Objects.requireNonNull(portfolio, "portfolio");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(optionValues, "optionValues");
        Objects.requireNonNull(fxRates, "fxRates");
        Objects.requireNonNull(accountType, "accountType");

        Map<String, CombinedCommodity> byContract = contractIndex(parameters);
        for (String contractId : portfolio.netQuantities().keySet()) {
            if (!byContract.containsKey(contractId)) {
                throw new IllegalArgumentException("no SPAN parameters for contract " + contractId);
            }
        }

        Map<String, CommodityState> states = new LinkedHashMap<>();
        for (CombinedCommodity cc : parameters.commodities()) {
            CommodityState state = assess(cc, portfolio, optionValues);
            if (state != null) {
                states.put(cc.id(), state);
            }
        }

        List<MarginResult.AppliedInterSpread> applied = method.interCommodityCredit()
                == SpanMethod.InterCommodityCreditMethod.DELTA_WEIGHTED_PRICE_RISK
                ? deltaCredits(parameters, states) : scenarioCredits(parameters, states);

        return assemble(states, applied, fxRates, accountType);
    }

    /** Working figures of one combined commodity. */
    private static final class CommodityState {
        CombinedCommodity commodity;
        BigDecimal[] losses;
        BigDecimal scan;
        int active;
        BigDecimal netDelta;
        BigDecimal availableDelta;
        boolean inDeliveryMonth;
        BigDecimal intra;
        BigDecimal spot;
        BigDecimal som;
        BigDecimal nov;
        BigDecimal inter = BigDecimal.ZERO;
    }

    private CommodityState assess(CombinedCommodity cc, Portfolio portfolio, Map<String, BigDecimal> optionValues) {
        BigDecimal[] losses = scenarioLossesInLongs(cc, portfolio);
        boolean exactInLongs = losses != null;
        if (!exactInLongs) {
            losses = new BigDecimal[ScenarioGrid.SIZE];
            Arrays.fill(losses, BigDecimal.ZERO);
        }
        Map<Integer, BigDecimal> tierDelta = new TreeMap<>();
        BigDecimal nov = BigDecimal.ZERO;
        long shortCalls = 0;
        long shortPuts = 0;
        boolean any = false;
        boolean inDelivery = false;
        for (SpanContract contract : cc.contracts()) {
            long qty = portfolio.quantity(contract.contractId());
            if (qty == 0) {
                continue;
            }
            any = true;
            BigDecimal q = BigDecimal.valueOf(qty);
            if (!exactInLongs) {
                for (int s = 0; s < ScenarioGrid.SIZE; s++) {
                    losses[s] = losses[s].add(q.multiply(contract.riskArray().loss(s + 1)));
                }
            }
            tierDelta.merge(contract.tier(), q.multiply(contract.riskArray().compositeDelta()), BigDecimal::add);
            if (cc.isSpotTier(contract.tier())) {
                inDelivery = true;
            }
            if (contract.kind().isOption()) {
                BigDecimal value = optionValues.get(contract.contractId());
                if (value == null) {
                    throw new IllegalArgumentException("no option value for " + contract.contractId()
                            + "; the net option value needs the settlement value of every option held");
                }
                nov = nov.add(q.multiply(value));
                if (qty < 0) {
                    if (contract.kind() == SpanContract.Kind.CALL) {
                        shortCalls -= qty;
                    } else {
                        shortPuts -= qty;
                    }
                }
            }
        }
        if (!any) {
            return null;
        }
        CommodityState st = new CommodityState();
        st.commodity = cc;
        st.losses = losses;
        int active = 1;
        for (int s = 1; s < ScenarioGrid.SIZE; s++) {
            if (losses[s].compareTo(losses[active - 1]) > 0) {
                active = s + 1;
            }
        }
        st.active = active;
        st.scan = losses[active - 1].max(BigDecimal.ZERO);
        st.netDelta = tierDelta.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        st.availableDelta = st.netDelta;
        st.inDeliveryMonth = inDelivery;
        intraAndSpot(st, tierDelta);
        long shortCount = method.shortOptionMinimum() == SpanMethod.ShortOptionMinimumMethod.ALL_SHORT_OPTIONS
                ? shortCalls + shortPuts : Math.max(shortCalls, shortPuts);
        st.som = cc.shortOptionMinimumRate().multiply(BigDecimal.valueOf(shortCount));
        st.nov = nov;
        return st;
    }

    /**
     * The hot path of scanning: {@code sum(qty x array[s])} per scenario in exact long arithmetic on the arrays'
     * unscaled values, converted back with {@code BigDecimal.valueOf(sum, scale)}. This is the same number, with the
     * same scale, as the {@code BigDecimal} sum (a product of a whole quantity and a loss at scale k has scale k, and
     * so has their sum), so no rounding rule is involved. Returns null, and the caller adds in {@code BigDecimal},
     * when the arrays held do not share one scale or an intermediate would overflow a long.
     */
    private static BigDecimal[] scenarioLossesInLongs(CombinedCommodity cc, Portfolio portfolio) {
        long[] sums = new long[ScenarioGrid.SIZE];
        int scale = Integer.MIN_VALUE;
        try {
            for (SpanContract contract : cc.contracts()) {
                long qty = portfolio.quantity(contract.contractId());
                if (qty == 0) {
                    continue;
                }
                RiskArray array = contract.riskArray();
                long[] unscaled = array.unscaledLosses();
                if (unscaled == null || (scale != Integer.MIN_VALUE && scale != array.scale())) {
                    return null;
                }
                scale = array.scale();
                for (int s = 0; s < ScenarioGrid.SIZE; s++) {
                    sums[s] = Math.addExact(sums[s], Math.multiplyExact(qty, unscaled[s]));
                }
            }
        } catch (ArithmeticException overflow) {
            return null;
        }
        if (scale == Integer.MIN_VALUE) {
            return null;
        }
        BigDecimal[] losses = new BigDecimal[ScenarioGrid.SIZE];
        for (int s = 0; s < ScenarioGrid.SIZE; s++) {
            losses[s] = BigDecimal.valueOf(sums[s], scale);
        }
        return losses;
    }

    /** Intra-commodity spreads in priority order, then spot month charges on what they consumed and left. */
    private static void intraAndSpot(CommodityState st, Map<Integer, BigDecimal> tierDelta) {
        Map<Integer, BigDecimal> remaining = new HashMap<>(tierDelta);
        Map<Integer, BigDecimal> consumed = new HashMap<>();
        BigDecimal intra = BigDecimal.ZERO;
        for (IntraCommoditySpread spread : st.commodity.intraSpreads()) {
            BigDecimal a = remaining.getOrDefault(spread.tierA(), BigDecimal.ZERO);
            BigDecimal b = remaining.getOrDefault(spread.tierB(), BigDecimal.ZERO);
            if (a.signum() == 0 || b.signum() == 0 || a.signum() == b.signum()) {
                continue;
            }
            BigDecimal spreads = perRatio(a.abs(), spread.ratioA()).min(perRatio(b.abs(), spread.ratioB()));
            intra = intra.add(spreads.multiply(spread.chargeRate()));
            BigDecimal usedA = spreads.multiply(spread.ratioA());
            BigDecimal usedB = spreads.multiply(spread.ratioB());
            remaining.put(spread.tierA(), a.subtract(usedA.multiply(BigDecimal.valueOf(a.signum()))));
            remaining.put(spread.tierB(), b.subtract(usedB.multiply(BigDecimal.valueOf(b.signum()))));
            consumed.merge(spread.tierA(), usedA, BigDecimal::add);
            consumed.merge(spread.tierB(), usedB, BigDecimal::add);
        }
        BigDecimal spot = BigDecimal.ZERO;
        for (SpotMonthCharge charge : st.commodity.spotMonthCharges()) {
            spot = spot.add(consumed.getOrDefault(charge.tier(), BigDecimal.ZERO).multiply(charge.spreadRate()))
                    .add(remaining.getOrDefault(charge.tier(), BigDecimal.ZERO).abs().multiply(charge.outrightRate()));
        }
        st.intra = intra;
        st.spot = spot;
    }

    /**
     * {@code delta / ratio} at 34 significant digits. A one-to-one ratio (nearly every calendar spread) skips the
     * division: dividing by one at 34 digits leaves a delta (at most 19 digits of quantity times a 4-decimal delta)
     * unchanged, with the same scale, and long division is what the scan of many spreads spends its time on.
     */
    private static BigDecimal perRatio(BigDecimal delta, BigDecimal ratio) {
        if (ratio.compareTo(BigDecimal.ONE) == 0 && delta.precision() <= MC.getPrecision()) {
            return delta;
        }
        return delta.divide(ratio, MC);
    }

    /** Weighted price risk {@code max(0, scan - T - V) / |net delta|}, zero when the net delta is zero. */
    private static BigDecimal weightedPriceRisk(CommodityState st) {
        if (st.netDelta.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal time = st.losses[0].add(st.losses[1]).divide(BigDecimal.TWO, MC);
        BigDecimal vol = st.losses[st.active - 1].subtract(st.losses[ScenarioGrid.pairOf(st.active) - 1])
                .divide(BigDecimal.TWO, MC);
        BigDecimal price = st.scan.subtract(time).subtract(vol).max(BigDecimal.ZERO);
        return price.divide(st.netDelta.abs(), MC);
    }

    private static boolean blocked(InterCommoditySpread spread, Map<String, CommodityState> states) {
        return spread.deliveryMonthBlocksCredit()
                && spread.legs().stream().anyMatch(l -> states.get(l.commodityId()).inDeliveryMonth);
    }

    private static List<MarginResult.AppliedInterSpread> deltaCredits(SpanParameters parameters,
            Map<String, CommodityState> states) {
        if (parameters.interSpreads().isEmpty()) {
            return List.of();
        }
        Map<String, BigDecimal> wpr = new HashMap<>();
        states.forEach((id, st) -> wpr.put(id, weightedPriceRisk(st)));
        List<MarginResult.AppliedInterSpread> applied = new ArrayList<>();
        for (InterCommoditySpread spread : parameters.interSpreads()) {
            if (!spread.legs().stream().allMatch(l -> states.containsKey(l.commodityId())) || blocked(spread, states)) {
                continue;
            }
            int signA = 0;
            boolean valid = true;
            BigDecimal spreads = null;
            for (InterCommoditySpread.Leg leg : spread.legs()) {
                BigDecimal available = states.get(leg.commodityId()).availableDelta;
                int sign = leg.side() == InterCommoditySpread.Side.A ? available.signum() : -available.signum();
                if (sign == 0 || (signA != 0 && sign != signA)) {
                    valid = false;
                    break;
                }
                signA = sign;
                BigDecimal legSpreads = available.abs().divide(leg.deltaRatio(), MC);
                spreads = spreads == null ? legSpreads : spreads.min(legSpreads);
            }
            if (!valid || spreads.signum() == 0) {
                continue;
            }
            Map<String, BigDecimal> credits = new LinkedHashMap<>();
            for (InterCommoditySpread.Leg leg : spread.legs()) {
                CommodityState st = states.get(leg.commodityId());
                BigDecimal used = spreads.multiply(leg.deltaRatio());
                BigDecimal credit = used.multiply(wpr.get(leg.commodityId())).multiply(spread.creditRate());
                st.availableDelta = st.availableDelta.subtract(used.multiply(BigDecimal.valueOf(st.availableDelta.signum())));
                st.inter = st.inter.add(credit);
                credits.put(leg.commodityId(), credit);
            }
            applied.add(new MarginResult.AppliedInterSpread(spread.priority(), spreads, credits, List.of(), 0));
        }
        return applied;
    }

    private static List<MarginResult.AppliedInterSpread> scenarioCredits(SpanParameters parameters,
            Map<String, CommodityState> states) {
        Set<String> used = new HashSet<>();
        List<MarginResult.AppliedInterSpread> applied = new ArrayList<>();
        for (InterCommoditySpread spread : parameters.interSpreads()) {
            if (!spread.legs().stream().allMatch(l -> states.containsKey(l.commodityId()) && !used.contains(l.commodityId()))
                    || blocked(spread, states)) {
                continue;
            }
            Currency currency = states.get(spread.legs().get(0).commodityId()).commodity.currency();
            if (spread.legs().stream().anyMatch(l -> !states.get(l.commodityId()).commodity.currency().equals(currency))) {
                throw new IllegalArgumentException("scenario-style inter-commodity spread priority " + spread.priority()
                        + " joins commodities in different currencies; their losses cannot be added");
            }
            BigDecimal[] joint = new BigDecimal[ScenarioGrid.SIZE];
            for (int s = 0; s < ScenarioGrid.SIZE; s++) {
                BigDecimal sum = BigDecimal.ZERO;
                for (InterCommoditySpread.Leg leg : spread.legs()) {
                    BigDecimal loss = states.get(leg.commodityId()).losses[s];
                    sum = sum.add(loss.signum() > 0 ? loss : loss.multiply(spread.creditRate()));
                }
                joint[s] = sum;
            }
            int active = 1;
            for (int s = 1; s < ScenarioGrid.SIZE; s++) {
                if (joint[s].compareTo(joint[active - 1]) > 0) {
                    active = s + 1;
                }
            }
            BigDecimal jointScan = joint[active - 1].max(BigDecimal.ZERO);
            BigDecimal totalScan = spread.legs().stream().map(l -> states.get(l.commodityId()).scan)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal credit = totalScan.subtract(jointScan);
            if (credit.signum() <= 0) {
                continue;
            }
            Map<String, BigDecimal> credits = new LinkedHashMap<>();
            BigDecimal left = credit;
            for (int i = 0; i < spread.legs().size(); i++) {
                CommodityState st = states.get(spread.legs().get(i).commodityId());
                BigDecimal share = i == spread.legs().size() - 1 ? left
                        : credit.multiply(st.scan).divide(totalScan, MC);
                left = left.subtract(share);
                st.inter = st.inter.add(share);
                credits.put(st.commodity.id(), share);
                used.add(st.commodity.id());
            }
            applied.add(new MarginResult.AppliedInterSpread(spread.priority(), BigDecimal.ZERO, credits,
                    List.of(joint), active));
        }
        return applied;
    }

    private static MarginResult assemble(Map<String, CommodityState> states,
            List<MarginResult.AppliedInterSpread> applied, FxRates fx, AccountType accountType) {
        List<MarginResult.CommodityRisk> risks = new ArrayList<>();
        Map<Currency, BigDecimal[]> perCurrency = new LinkedHashMap<>();
        BigDecimal maintenance = BigDecimal.ZERO;
        BigDecimal initial = BigDecimal.ZERO;
        BigDecimal nov = BigDecimal.ZERO;
        for (CommodityState st : states.values()) {
            CombinedCommodity cc = st.commodity;
            BigDecimal risk = st.scan.add(st.intra).add(st.spot).subtract(st.inter).max(st.som);
            BigDecimal initialRisk = risk.multiply(cc.initialToMaintenance(accountType));
            risks.add(new MarginResult.CommodityRisk(cc.id(), cc.currency(), st.scan, st.active, List.of(st.losses),
                    st.netDelta, st.intra, st.spot, st.inter, st.som, st.nov, risk, initialRisk));
            BigDecimal[] totals = perCurrency.computeIfAbsent(cc.currency(),
                    c -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            totals[0] = totals[0].add(risk);
            totals[1] = totals[1].add(initialRisk);
            totals[2] = totals[2].add(st.nov);
        }
        List<MarginResult.CurrencyTotal> currencyTotals = new ArrayList<>();
        for (Map.Entry<Currency, BigDecimal[]> e : perCurrency.entrySet()) {
            BigDecimal rate = fx.rate(e.getKey());
            BigDecimal[] t = e.getValue();
            currencyTotals.add(new MarginResult.CurrencyTotal(e.getKey(), rate, t[0], t[1], t[2]));
            maintenance = maintenance.add(t[0].multiply(rate));
            initial = initial.add(t[1].multiply(rate));
            nov = nov.add(t[2].multiply(rate));
        }
        BigDecimal maintenanceRequirement = maintenance.subtract(nov).max(BigDecimal.ZERO)
                .setScale(MONEY_SCALE, RoundingMode.UP);
        BigDecimal initialRequirement = initial.subtract(nov).max(BigDecimal.ZERO)
                .setScale(MONEY_SCALE, RoundingMode.UP);
        return new MarginResult(fx.accountCurrency(), accountType, risks, currencyTotals, applied,
                nov.setScale(MONEY_SCALE, RoundingMode.HALF_EVEN), maintenanceRequirement, initialRequirement);
    }
}
