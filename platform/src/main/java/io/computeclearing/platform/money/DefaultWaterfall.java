package io.computeclearing.platform.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Who bears a defaulter's close-out loss, in the order the rulebook sets (docs/methodology.md, "The default
 * waterfall"): the defaulter's own collateral, its default fund contribution, the CCP's tranche, the surviving
 * members' contributions pro rata to them, then assessments on the survivors, each capped at {@code multiple} x its
 * contribution, pro rata to the caps. Each layer gives at most what it holds; what no layer covers is left uncovered.
 * Amounts are whole minor units of one currency: a survivors' layer is shared by the largest remainder method on the
 * exact quotas, so the charges add up to the layer to the cent and none exceeds what the survivor holds or owes.
 * Pure arithmetic, shared by account-service (which posts it) and risk-service (which reports it).
 */
public final class DefaultWaterfall {

    /** The layers, in the order they are drawn on. */
    public enum Layer {
        DEFAULTER_COLLATERAL, DEFAULTER_CONTRIBUTION, CCP_TRANCHE, SURVIVOR_CONTRIBUTIONS, SURVIVOR_ASSESSMENTS
    }

    /** A surviving member and its default fund contribution held. */
    public record Survivor(String memberId, BigDecimal contribution) {
    }

    /**
     * What stands behind the loss: the defaulter's initial margin and other collateral (after its own variation
     * margin), its contribution, the CCP's tranche, the survivors' contributions, and the assessment multiple (0: no
     * assessments).
     */
    public record Resources(BigDecimal defaulterCollateral, BigDecimal defaulterContribution, BigDecimal ccpTranche,
                            List<Survivor> survivors, BigDecimal assessmentMultiple) {
    }

    /** What one survivor bears: from its contribution, and assessed beyond it. */
    public record SurvivorCharge(String memberId, BigDecimal fromContribution, BigDecimal assessed) {
    }

    /**
     * The loss drawn on each layer (every layer named, zero when not reached), each survivor's charges (by member id)
     * and what remains uncovered; {@code sum(byLayer) + uncovered = loss} exactly.
     */
    public record Allocation(BigDecimal loss, Map<Layer, BigDecimal> byLayer, List<SurvivorCharge> survivors,
                             BigDecimal uncovered) {
    }

    private final MinorUnits units;

    public DefaultWaterfall(Currency currency) {
        this.units = new MinorUnits(currency);
    }

    /** Allocates {@code loss} (zero or more) over the resources; amounts with more decimals than the currency refused. */
    public Allocation allocate(BigDecimal loss, Resources resources) {
        BigInteger lossUnits = nonNegative(loss, "loss");
        BigInteger left = lossUnits;
        Map<Layer, BigInteger> drawn = new EnumMap<>(Layer.class);
        for (Layer layer : List.of(Layer.DEFAULTER_COLLATERAL, Layer.DEFAULTER_CONTRIBUTION, Layer.CCP_TRANCHE)) {
            BigDecimal held = switch (layer) {
                case DEFAULTER_COLLATERAL -> resources.defaulterCollateral();
                case DEFAULTER_CONTRIBUTION -> resources.defaulterContribution();
                default -> resources.ccpTranche();
            };
            BigInteger take = left.min(nonNegative(held, layer.name()));
            drawn.put(layer, take);
            left = left.subtract(take);
        }
        List<Survivor> survivors = resources.survivors().stream()
                .sorted(Comparator.comparing(Survivor::memberId)).toList();
        List<BigInteger> contributions = new ArrayList<>();
        List<BigInteger> caps = new ArrayList<>();
        BigDecimal multiple = resources.assessmentMultiple();
        if (multiple.signum() < 0) {
            throw new IllegalArgumentException("the assessment multiple must be zero or more, was " + multiple);
        }
        for (Survivor s : survivors) {
            BigInteger contribution = nonNegative(s.contribution(), "contribution of " + s.memberId());
            contributions.add(contribution);
            // The cap in whole minor units, rounded down: a survivor is never assessed beyond the multiple.
            caps.add(units.of(units.amount(contribution).multiply(multiple)
                    .setScale(units.digits(), RoundingMode.DOWN), "assessment cap"));
        }
        List<BigInteger> fromContribution = share(survivors, contributions, left);
        BigInteger contributed = sum(fromContribution);
        drawn.put(Layer.SURVIVOR_CONTRIBUTIONS, contributed);
        left = left.subtract(contributed);
        List<BigInteger> assessed = share(survivors, caps, left);
        BigInteger assessments = sum(assessed);
        drawn.put(Layer.SURVIVOR_ASSESSMENTS, assessments);
        left = left.subtract(assessments);

        Map<Layer, BigDecimal> byLayer = new EnumMap<>(Layer.class);
        drawn.forEach((layer, amount) -> byLayer.put(layer, units.amount(amount)));
        List<SurvivorCharge> charges = new ArrayList<>();
        for (int i = 0; i < survivors.size(); i++) {
            charges.add(new SurvivorCharge(survivors.get(i).memberId(), units.amount(fromContribution.get(i)),
                    units.amount(assessed.get(i))));
        }
        return new Allocation(units.amount(lossUnits), byLayer, charges, units.amount(left));
    }

    /** {@code wanted}, at most the sum of {@code held}, shared pro rata to {@code held} (each at most its own). */
    private static List<BigInteger> share(List<Survivor> survivors, List<BigInteger> held, BigInteger wanted) {
        BigInteger total = sum(held);
        if (total.signum() == 0 || wanted.signum() == 0) {
            return held.stream().map(h -> BigInteger.ZERO).toList();
        }
        if (wanted.compareTo(total) >= 0) {
            return held;
        }
        List<Apportionment.Share> shares = new ArrayList<>();
        for (int i = 0; i < survivors.size(); i++) {
            shares.add(new Apportionment.Share(survivors.get(i).memberId(), held.get(i)));
        }
        return Apportionment.largestRemainder(wanted, shares, Comparator.naturalOrder());
    }

    private BigInteger nonNegative(BigDecimal amount, String what) {
        if (amount == null || amount.signum() < 0) {
            throw new IllegalArgumentException(what + " must be zero or more, was " + amount);
        }
        return units.of(amount, what);
    }

    private static BigInteger sum(List<BigInteger> values) {
        return values.stream().reduce(BigInteger.ZERO, BigInteger::add);
    }
}
