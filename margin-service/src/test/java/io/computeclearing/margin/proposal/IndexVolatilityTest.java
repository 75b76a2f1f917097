package io.computeclearing.margin.proposal;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The index volatility estimates, against numbers computed by hand. */
class IndexVolatilityTest {

    @Test
    void dailyVolatilityIsTheRootMeanSquareOfRelativeChanges() {
        // 100 -> 110 -> 99 -> 99: +10%, -10%, 0%. sqrt((0.01 + 0.01 + 0) / 3) = sqrt(0.00666...) = 0.0816496580927726
        IndexVolatility v = IndexVolatility.of(values("100", "110", "99", "99"));
        assertThat(v.changes()).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("0.1"), new BigDecimal("-0.1"), BigDecimal.ZERO);
        assertThat(v.dailyVolatility().round(new MathContext(15)))
                .isEqualByComparingTo("0.0816496580927726");
    }

    @Test
    void volatilityOfVolatilityIsTheSampleDeviationOfRollingVolatilities() {
        // 1.60 <-> 2.00 alternating, 20 changes: +25% and -20%. Windows of 5 hold 3 ups and 2 downs or the reverse,
        // 8 of each: a = sqrt((3 x 0.0625 + 2 x 0.04) / 5) = sqrt(0.0535), b = sqrt(0.049);
        // sample sd = |a - b| / 2 x sqrt(16 / 15) = 0.00513363111791113...
        IndexVolatility v = IndexVolatility.of(alternating(20));
        assertThat(v.dailyVolatility().round(new MathContext(15))).isEqualByComparingTo("0.226384628453435");
        assertThat(v.volatilityOfVolatility(5).round(new MathContext(15)))
                .isEqualByComparingTo("0.00513363111791114");
        assertThat(v.volatilityOfVolatility(20)).isEqualByComparingTo("0");
    }

    @Test
    void zeroIndexValueHasNoRelativeChange() {
        assertThatThrownBy(() -> IndexVolatility.of(values("1", "0", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zero");
    }

    /** 1.60, 2.00, 1.60, ... : {@code changes + 1} values. */
    static List<BigDecimal> alternating(int changes) {
        List<BigDecimal> values = new ArrayList<>();
        for (int i = 0; i <= changes; i++) {
            values.add(new BigDecimal(i % 2 == 0 ? "1.60" : "2.00"));
        }
        return values;
    }

    private static List<BigDecimal> values(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }
}
