package io.computeclearing.margin.span;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The loss of ONE LONG contract in each of the 16 SPAN scenarios (positive = loss, negative = gain), in the contract's
 * currency, with its composite delta.
 * <p>
 * For a future, {@code loss[s] = -move[s] x scanRange x weight[s]}, with the price scan range expressed per contract in
 * money (price range x multiplier); a long loses when the price falls. This holds for any futures price, including
 * zero and negative prices, since a future's loss does not depend on its level.
 * <p>
 * For an option on a future, the array comes from Black-76 repricing:
 * {@code loss[s] = (V(F, sigma) - V(F + move[s] x priceRange, sigma + volMove[s] x volRange)) x multiplier x weight[s]}.
 * The composite delta is the weighted delta at the seven price points {@code -1, -2/3, ..., +1 x range}
 * (weights 0.037, 0.111, 0.217, 0.270, 0.217, 0.111, 0.037).
 * <p>
 * Rounding rule: each array value is rounded HALF_UP to the stated money scale, as published SPAN files carry rounded
 * arrays (CME's examples use whole currency units); composite deltas are rounded HALF_UP to 4 decimals.
 */
public final class RiskArray {

    /** Scale of composite deltas. */
    public static final int DELTA_SCALE = 4;

    private static final double[] DELTA_POINTS = {-1, -2.0 / 3, -1.0 / 3, 0, 1.0 / 3, 2.0 / 3, 1};
    private static final double[] DELTA_WEIGHTS = {0.037, 0.111, 0.217, 0.270, 0.217, 0.111, 0.037};

    private final BigDecimal[] losses;
    private final BigDecimal compositeDelta;
    /** The losses as unscaled longs at {@link #scale}, or null when they do not share a scale or fit a long. */
    private final long[] unscaledLosses;
    private final int scale;

    private RiskArray(BigDecimal[] losses, BigDecimal compositeDelta) {
        this.losses = losses;
        this.compositeDelta = compositeDelta;
        this.scale = losses[0].scale();
        this.unscaledLosses = unscaled(losses, scale);
    }

    /**
     * The exact unscaled values of the losses at their common scale, for the scanning fast path: {@code loss[s] =
     * unscaled[s] x 10^-scale} exactly. Null when the values have different scales or one does not fit a long.
     */
    private static long[] unscaled(BigDecimal[] losses, int scale) {
        long[] values = new long[losses.length];
        for (int i = 0; i < losses.length; i++) {
            if (losses[i].scale() != scale || losses[i].unscaledValue().bitLength() > 62) {
                return null;
            }
            values[i] = losses[i].unscaledValue().longValue();
        }
        return values;
    }

    /**
     * A risk array as published, e.g. read from a SPAN file.
     *
     * @param losses         16 losses of one long contract
     * @param compositeDelta the composite delta
     */
    public static RiskArray of(List<BigDecimal> losses, BigDecimal compositeDelta) {
        Objects.requireNonNull(losses, "losses");
        Objects.requireNonNull(compositeDelta, "compositeDelta");
        if (losses.size() != ScenarioGrid.SIZE) {
            throw new IllegalArgumentException("a risk array has 16 values, got " + losses.size());
        }
        BigDecimal[] copy = losses.toArray(BigDecimal[]::new);
        for (BigDecimal value : copy) {
            Objects.requireNonNull(value, "risk array value");
        }
        return new RiskArray(copy, compositeDelta);
    }

    /**
     * The risk array of a future: {@code -move x scanRangePerContract x weight}, composite delta 1.
     *
     * @param grid                 the scenario grid
     * @param scanRangePerContract the price scan range in money per contract (price range x multiplier), not negative
     * @param scale                money scale the values are rounded to (HALF_UP)
     */
    public static RiskArray forFuture(ScenarioGrid grid, BigDecimal scanRangePerContract, int scale) {
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(scanRangePerContract, "scanRangePerContract");
        if (scanRangePerContract.signum() < 0) {
            throw new IllegalArgumentException("price scan range must not be negative, was " + scanRangePerContract);
        }
        BigDecimal[] values = new BigDecimal[ScenarioGrid.SIZE];
        for (ScenarioGrid.Scenario s : grid.scenarios()) {
            values[s.number() - 1] = s.priceMoveFraction().negate().multiply(scanRangePerContract)
                    .multiply(s.weight()).setScale(scale, RoundingMode.HALF_UP);
        }
        return new RiskArray(values, BigDecimal.ONE);
    }

    /**
     * The risk array of a future from its price terms: {@code loss[s] = (price - (price + move[s] x priceScanRange))
     * x multiplier x weight[s]}. The futures price may be zero or negative (compute capacity can be given away or paid
     * for): a future's loss depends on the price change only, so the array is the same at any price level.
     *
     * @param grid           the scenario grid
     * @param price          the futures settlement price, any sign
     * @param priceScanRange the price scan range in price units, not negative
     * @param multiplier     units of underlying per contract, positive
     * @param scale          money scale the values are rounded to (HALF_UP)
     */
    public static RiskArray forFuture(ScenarioGrid grid, BigDecimal price, BigDecimal priceScanRange,
            BigDecimal multiplier, int scale) {
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(priceScanRange, "priceScanRange");
        Objects.requireNonNull(multiplier, "multiplier");
        if (multiplier.signum() <= 0) {
            throw new IllegalArgumentException("multiplier must be positive, was " + multiplier);
        }
        if (priceScanRange.signum() < 0) {
            throw new IllegalArgumentException("price scan range must not be negative, was " + priceScanRange);
        }
        BigDecimal[] values = new BigDecimal[ScenarioGrid.SIZE];
        for (ScenarioGrid.Scenario s : grid.scenarios()) {
            BigDecimal scenarioPrice = price.add(s.priceMoveFraction().multiply(priceScanRange));
            values[s.number() - 1] = price.subtract(scenarioPrice).multiply(multiplier).multiply(s.weight())
                    .setScale(scale, RoundingMode.HALF_UP);
        }
        return new RiskArray(values, BigDecimal.ONE);
    }

    /**
     * The risk array of an option on a future by Black-76 repricing.
     * <p>
     * Rule for non-positive prices: the current futures price must be positive (Black-76 is undefined otherwise). If
     * a scenario moves the futures price to zero or below, the option is valued at its discounted intrinsic value,
     * the limit of Black-76 as F falls to 0 (a call is worthless, a put is worth {@code e^(-rT) (K - F)}).
     *
     * @param grid            the scenario grid
     * @param option          the option terms and pricing inputs
     * @param priceScanRange  the futures price scan range, in price units
     * @param volScanRange    the volatility scan range, in volatility units (0.10 = 10 points); less than the
     *                        option's volatility
     * @param multiplier      units of underlying per contract
     * @param scale           money scale the values are rounded to (HALF_UP)
     */
    public static RiskArray forOption(ScenarioGrid grid, OptionTerms option, BigDecimal priceScanRange,
            BigDecimal volScanRange, BigDecimal multiplier, int scale) {
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(option, "option");
        Objects.requireNonNull(priceScanRange, "priceScanRange");
        Objects.requireNonNull(volScanRange, "volScanRange");
        Objects.requireNonNull(multiplier, "multiplier");
        if (priceScanRange.signum() < 0 || volScanRange.signum() < 0 || multiplier.signum() <= 0) {
            throw new IllegalArgumentException("scan ranges must not be negative and the multiplier must be positive");
        }
        double vol = option.volatility();
        double volRange = volScanRange.doubleValue();
        if (volRange >= vol && volRange > 0) {
            throw new IllegalArgumentException("volatility scan range " + volScanRange
                    + " must be less than the volatility " + vol + " so that every scenario volatility is positive");
        }
        double f = option.futuresPrice();
        double range = priceScanRange.doubleValue();
        double base = value(option, f, vol);
        BigDecimal[] values = new BigDecimal[ScenarioGrid.SIZE];
        for (ScenarioGrid.Scenario s : grid.scenarios()) {
            double scenarioValue = value(option, f + s.priceMoveFraction().doubleValue() * range,
                    vol + s.volatilityMove() * volRange);
            double loss = (base - scenarioValue) * multiplier.doubleValue() * s.weight().doubleValue();
            values[s.number() - 1] = BigDecimal.valueOf(loss).setScale(scale, RoundingMode.HALF_UP);
        }
        double delta = 0;
        for (int i = 0; i < DELTA_POINTS.length; i++) {
            delta += DELTA_WEIGHTS[i] * delta(option, f + DELTA_POINTS[i] * range, vol);
        }
        return new RiskArray(values, BigDecimal.valueOf(delta).setScale(DELTA_SCALE, RoundingMode.HALF_UP));
    }

    private static double value(OptionTerms o, double futures, double vol) {
        if (futures <= 0) {
            double discount = Math.exp(-o.rate() * o.yearsToExpiry());
            return o.type() == Black76.OptionType.CALL ? 0 : discount * (o.strike() - futures);
        }
        return Black76.price(o.type(), futures, o.strike(), o.yearsToExpiry(), o.rate(), vol);
    }

    private static double delta(OptionTerms o, double futures, double vol) {
        if (futures <= 0) {
            return o.type() == Black76.OptionType.CALL ? 0 : -Math.exp(-o.rate() * o.yearsToExpiry());
        }
        return Black76.delta(o.type(), futures, o.strike(), o.yearsToExpiry(), o.rate(), vol);
    }

    /** Loss of one long contract in the scenario with the given 1-based number. */
    public BigDecimal loss(int scenarioNumber) {
        if (scenarioNumber < 1 || scenarioNumber > ScenarioGrid.SIZE) {
            throw new IllegalArgumentException("scenario number must be 1..16, was " + scenarioNumber);
        }
        return losses[scenarioNumber - 1];
    }

    /**
     * The 16 losses as exact unscaled longs at {@link #scale()} (no rounding: {@code loss(s) =
     * BigDecimal.valueOf(unscaled[s], scale())}), or null when the values do not share one scale or do not fit in
     * 62 bits. Lets the calculator add {@code quantity x loss} in long arithmetic on its hot path. Not a copy: do not
     * modify.
     */
    long[] unscaledLosses() {
        return unscaledLosses;
    }

    /** The common scale of the losses (meaningful when {@link #unscaledLosses()} is not null). */
    int scale() {
        return scale;
    }

    /** The 16 losses in scenario order. */
    public List<BigDecimal> losses() {
        return List.of(losses);
    }

    /** Composite delta of one long contract, in futures equivalents. */
    public BigDecimal compositeDelta() {
        return compositeDelta;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RiskArray r && Arrays.equals(losses, r.losses) && compositeDelta.equals(r.compositeDelta);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(losses) + compositeDelta.hashCode();
    }

    @Override
    public String toString() {
        return "RiskArray" + Arrays.toString(losses) + " delta " + compositeDelta;
    }
}
