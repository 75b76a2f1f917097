package io.computeclearing.settlement.index.method;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;
import java.util.List;

/**
 * The volume-weighted trimmed mean: with total volume {@code V} and trim fraction {@code a} (0 &lt;= a &lt; 0.5),
 * the lowest-priced {@code a x V} of volume and the highest-priced {@code a x V} are removed (an observation on the
 * boundary keeps the part of its volume that is not trimmed), then the mean of the remaining prices weighted by their
 * remaining volumes: {@code sum(p_i x w_i) / sum(w_i)}. With {@code a = 0} it is the plain volume-weighted mean.
 * Equal prices trim in any order with the same result. The division is carried to 34 significant digits
 * ({@link MathContext#DECIMAL128}); the caller rounds to the index's scale.
 */
public final class VolumeWeightedTrimmedMean {

    private static final BigDecimal HALF = new BigDecimal("0.5");

    private VolumeWeightedTrimmedMean() {
    }

    public static BigDecimal of(List<WeightedPrice> observations, BigDecimal trimFraction) {
        if (observations.isEmpty()) {
            throw new IllegalArgumentException("no observations");
        }
        if (trimFraction.signum() < 0 || trimFraction.compareTo(HALF) >= 0) {
            throw new IllegalArgumentException("trim fraction must be in [0, 0.5), got " + trimFraction);
        }
        List<WeightedPrice> ascending = observations.stream()
                .sorted(Comparator.comparing(WeightedPrice::price)).toList();
        BigDecimal[] remaining = ascending.stream().map(WeightedPrice::volume).toArray(BigDecimal[]::new);
        BigDecimal total = sum(remaining);
        BigDecimal trim = total.multiply(trimFraction);
        trimFromLow(remaining, trim);
        trimFromHigh(remaining, trim);
        BigDecimal weighted = BigDecimal.ZERO;
        for (int i = 0; i < remaining.length; i++) {
            weighted = weighted.add(ascending.get(i).price().multiply(remaining[i]));
        }
        return weighted.divide(sum(remaining), MathContext.DECIMAL128);
    }

    private static void trimFromLow(BigDecimal[] volumes, BigDecimal trim) {
        BigDecimal left = trim;
        for (int i = 0; i < volumes.length && left.signum() > 0; i++) {
            BigDecimal cut = volumes[i].min(left);
            volumes[i] = volumes[i].subtract(cut);
            left = left.subtract(cut);
        }
    }

    private static void trimFromHigh(BigDecimal[] volumes, BigDecimal trim) {
        BigDecimal left = trim;
        for (int i = volumes.length - 1; i >= 0 && left.signum() > 0; i--) {
            BigDecimal cut = volumes[i].min(left);
            volumes[i] = volumes[i].subtract(cut);
            left = left.subtract(cut);
        }
    }

    private static BigDecimal sum(BigDecimal[] volumes) {
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal volume : volumes) {
            total = total.add(volume);
        }
        return total;
    }
}
