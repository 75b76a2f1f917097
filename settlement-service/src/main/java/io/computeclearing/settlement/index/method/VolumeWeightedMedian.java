package io.computeclearing.settlement.index.method;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The volume-weighted median, as SOFR is computed: the price at the 50th percentile of cumulative volume.
 *
 * <p>Precisely: observations at the same price are one price level with their volumes added (the tie rule: equal
 * prices never split). Levels are ordered from lowest to highest price and their volumes accumulated; with total
 * volume {@code V}, the median is the price of the first level at which cumulative volume exceeds {@code V / 2}. If
 * the cumulative volume equals {@code V / 2} exactly at the end of a level (an even split), the median is the mean of
 * that level's price and the next higher level's price, as for an ordinary median of an even count. The result is
 * exact; the caller rounds it to the index's scale.
 */
public final class VolumeWeightedMedian {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private VolumeWeightedMedian() {
    }

    public static BigDecimal of(List<WeightedPrice> observations) {
        if (observations.isEmpty()) {
            throw new IllegalArgumentException("no observations");
        }
        TreeMap<BigDecimal, BigDecimal> levels = new TreeMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (WeightedPrice observation : observations) {
            levels.merge(observation.price(), observation.volume(), BigDecimal::add);
            total = total.add(observation.volume());
        }
        BigDecimal half = total.divide(TWO);
        BigDecimal cumulative = BigDecimal.ZERO;
        for (Map.Entry<BigDecimal, BigDecimal> level : levels.entrySet()) {
            cumulative = cumulative.add(level.getValue());
            int side = cumulative.compareTo(half);
            if (side > 0) {
                return level.getKey();
            }
            if (side == 0) {
                return level.getKey().add(levels.higherKey(level.getKey())).divide(TWO);
            }
        }
        throw new IllegalStateException("cumulative volume never passed half of " + total);
    }
}
