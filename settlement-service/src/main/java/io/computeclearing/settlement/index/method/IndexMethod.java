package io.computeclearing.settlement.index.method;

import java.math.BigDecimal;
import java.util.List;

/** How the used observations of a computation become one index value (before rounding to the index's scale). */
public enum IndexMethod {

    /** {@link VolumeWeightedMedian}: the price at the 50th percentile of cumulative volume. */
    VOLUME_WEIGHTED_MEDIAN {
        @Override
        public BigDecimal apply(List<WeightedPrice> used, BigDecimal trimFraction) {
            return VolumeWeightedMedian.of(used);
        }
    },

    /** {@link VolumeWeightedTrimmedMean}: the volume-weighted mean after trimming a fraction of volume per tail. */
    TRIMMED_MEAN {
        @Override
        public BigDecimal apply(List<WeightedPrice> used, BigDecimal trimFraction) {
            return VolumeWeightedTrimmedMean.of(used, trimFraction);
        }
    };

    public abstract BigDecimal apply(List<WeightedPrice> used, BigDecimal trimFraction);
}
