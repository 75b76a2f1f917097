package io.computeclearing.settlement.index.method;

import java.math.BigDecimal;
import java.util.List;

/**
 * The outlier rule: with {@code m} the median of the prices (each observation counted once, whatever its volume) and
 * {@code MAD} the median of {@code |p - m|}, a price is an outlier when {@code |p - m| > k x MAD}. When MAD is zero (at
 * least half the prices are equal) no scale can be estimated and nothing is an outlier; the volume-weighted median is
 * robust to a lone far price anyway. Medians of an even count are the mean of the two middle values.
 */
public record MedianAbsoluteDeviation(BigDecimal median, BigDecimal deviation) {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    public static MedianAbsoluteDeviation of(List<BigDecimal> prices) {
        BigDecimal median = median(prices);
        return new MedianAbsoluteDeviation(median,
                median(prices.stream().map(p -> p.subtract(median).abs()).toList()));
    }

    /** Whether {@code price} lies more than {@code k} deviations from the median. */
    public boolean isOutlier(BigDecimal price, BigDecimal k) {
        return deviation.signum() > 0 && price.subtract(median).abs().compareTo(k.multiply(deviation)) > 0;
    }

    static BigDecimal median(List<BigDecimal> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        if (sorted.size() % 2 == 1) {
            return sorted.get(middle);
        }
        return sorted.get(middle - 1).add(sorted.get(middle)).divide(TWO);
    }
}
