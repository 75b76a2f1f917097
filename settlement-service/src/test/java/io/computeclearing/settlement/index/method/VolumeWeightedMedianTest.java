package io.computeclearing.settlement.index.method;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The price at the 50th percentile of cumulative volume, as SOFR is computed. */
class VolumeWeightedMedianTest {

    @Test
    void oddSplitTakesThePriceWhereCumulativeVolumePassesHalf() {
        // V = 10 + 30 + 20 = 60, half 30; cumulative 10 (2.40), 40 (2.50) > 30 -> 2.50
        assertThat(VolumeWeightedMedian.of(List.of(
                WeightedPrice.of("2.60", "20"), WeightedPrice.of("2.40", "10"), WeightedPrice.of("2.50", "30"))))
                .isEqualByComparingTo("2.50");
    }

    @Test
    void volumeNotCountDecidesTheMedian() {
        // three small trades low, one large trade high: V = 1 + 1 + 1 + 10 = 13, half 6.5; cumulative 3 at 2.30,
        // 13 at 2.90 -> 2.90, although the unweighted median is 2.30
        assertThat(VolumeWeightedMedian.of(List.of(WeightedPrice.of("2.30", "1"), WeightedPrice.of("2.30", "1"),
                WeightedPrice.of("2.30", "1"), WeightedPrice.of("2.90", "10"))))
                .isEqualByComparingTo("2.90");
    }

    @Test
    void anExactEvenSplitTakesTheMeanOfTheTwoPricesAroundIt() {
        // V = 50 + 50 = 100, half 50; cumulative reaches exactly 50 at 2.40 -> (2.40 + 2.50) / 2 = 2.45
        assertThat(VolumeWeightedMedian.of(List.of(WeightedPrice.of("2.50", "50"), WeightedPrice.of("2.40", "50"))))
                .isEqualByComparingTo("2.45");
    }

    @Test
    void equalPricesFormOneLevelBeforeTheSplitIsDecided() {
        // 2.40 x 20, 2.50 x 10, 2.50 x 10, 2.60 x 40: V = 80, half 40. Levels 2.40 (20), 2.50 (20 -> cumulative 40):
        // exactly half at the end of the 2.50 level -> (2.50 + 2.60) / 2 = 2.55
        assertThat(VolumeWeightedMedian.of(List.of(WeightedPrice.of("2.40", "20"), WeightedPrice.of("2.50", "10"),
                WeightedPrice.of("2.60", "40"), WeightedPrice.of("2.500", "10"))))
                .isEqualByComparingTo("2.55");
    }

    @Test
    void aTieOnTheMedianPriceKeepsThatPrice() {
        // 2.40 x 10, 2.50 x 15, 2.50 x 15, 2.60 x 10: V = 50, half 25; cumulative 10, then 40 at the 2.50 level -> 2.50
        assertThat(VolumeWeightedMedian.of(List.of(WeightedPrice.of("2.40", "10"), WeightedPrice.of("2.50", "15"),
                WeightedPrice.of("2.50", "15"), WeightedPrice.of("2.60", "10"))))
                .isEqualByComparingTo("2.50");
    }

    @Test
    void negativePricesAreOrderedLikeAnyOther() {
        // -0.20 x 5, 0 x 5, 0.10 x 1: V = 11, half 5.5; cumulative 5, then 10 at 0 -> 0
        assertThat(VolumeWeightedMedian.of(List.of(WeightedPrice.of("0.10", "1"), WeightedPrice.of("-0.20", "5"),
                WeightedPrice.of("0", "5"))))
                .isEqualByComparingTo("0");
    }
}
