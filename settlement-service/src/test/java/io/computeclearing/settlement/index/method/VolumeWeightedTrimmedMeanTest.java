package io.computeclearing.settlement.index.method;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The volume-weighted mean after trimming a fraction of the volume from each tail. */
class VolumeWeightedTrimmedMeanTest {

    private static final List<WeightedPrice> PANEL = List.of(WeightedPrice.of("3.20", "10"),
            WeightedPrice.of("2.40", "30"), WeightedPrice.of("2.00", "10"), WeightedPrice.of("2.60", "10"));

    @Test
    void aQuarterTrimmedFromEachTailCutsIntoTheBoundaryObservations() {
        // V = 60, a = 0.25 -> trim 15 from each tail.
        // low: 2.00 x 10 gone, 2.40 keeps 30 - 5 = 25; high: 3.20 x 10 gone, 2.60 keeps 10 - 5 = 5.
        // mean = (2.40 x 25 + 2.60 x 5) / 30 = (60 + 13) / 30 = 2.4333...
        BigDecimal mean = VolumeWeightedTrimmedMean.of(PANEL, new BigDecimal("0.25"));

        assertThat(mean.setScale(4, RoundingMode.HALF_EVEN)).isEqualByComparingTo("2.4333");
        assertThat(mean.setScale(10, RoundingMode.HALF_EVEN)).isEqualByComparingTo("2.4333333333");
    }

    @Test
    void noTrimIsTheVolumeWeightedMean() {
        // (3.20 x 10 + 2.40 x 30 + 2.00 x 10 + 2.60 x 10) / 60 = (32 + 72 + 20 + 26) / 60 = 150 / 60 = 2.5
        assertThat(VolumeWeightedTrimmedMean.of(PANEL, BigDecimal.ZERO)).isEqualByComparingTo("2.5");
    }

    @Test
    void halfOrMoreCannotBeTrimmed() {
        assertThatThrownBy(() -> VolumeWeightedTrimmedMean.of(PANEL, new BigDecimal("0.5")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
