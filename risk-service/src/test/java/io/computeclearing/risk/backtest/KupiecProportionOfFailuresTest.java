package io.computeclearing.risk.backtest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Kupiec's proportion-of-failures test over 250 days at 99 % (p = 0.01), the values worked from the formula
 * {@code LR = 2 [ (T-x) ln((1 - x/T) / (1-p)) + x ln((x/T) / p) ]}, {@code p-value = erfc(sqrt(LR / 2))}
 * (logarithms and erfc to 20 digits with mpmath 1.3, independently of the code under test).
 */
class KupiecProportionOfFailuresTest {

    @Test
    void noExceedance() {
        // x = 0: LR = -2 x 250 x ln(0.99) = 500 x 0.0100503358535014412 = 5.02516792675072059
        // sqrt(LR / 2) = 1.58511323361309; erfc(1.58511323361309) = 0.0249815030534497702
        KupiecTest test = KupiecTest.of(0, 250, 0.99);
        assertThat(test.likelihoodRatio()).isCloseTo(5.02516792675072059, within(1e-6));
        assertThat(test.pValue()).isCloseTo(0.0249815030534497702, within(1e-6));
        assertThat(test.rejectsAt(0.05)).isTrue(); // too few exceedances are suspicious too: the margin is too high
    }

    @Test
    void fourExceedances() {
        // x = 4, x/T = 0.016: 246 x ln(0.984 / 0.99) = 246 x -0.00607904607638219 = -1.49544533479002
        //                     4 x ln(0.016 / 0.01) = 4 x 0.470003629245736 = 1.88001451698294
        // LR = 2 x 0.38456918219292 = 0.769138364385848; p-value = erfc(0.620136422243464) = 0.380483738238953
        KupiecTest test = KupiecTest.of(4, 250, 0.99);
        assertThat(test.likelihoodRatio()).isCloseTo(0.769138364385848, within(1e-6));
        assertThat(test.pValue()).isCloseTo(0.380483738238953, within(1e-6));
        assertThat(test.rejectsAt(0.05)).isFalse();
    }

    @Test
    void fiveExceedances() {
        // x = 5, x/T = 0.02: 245 x ln(0.98 / 0.99) = 245 x -0.010152371464018 = -2.48733100868441
        //                    5 x ln(2) = 3.46573590279973
        // LR = 2 x 0.97840489411532 = 1.95680978823063; p-value = erfc(0.989143515429038) = 0.161854917196042
        KupiecTest test = KupiecTest.of(5, 250, 0.99);
        assertThat(test.likelihoodRatio()).isCloseTo(1.95680978823063, within(1e-6));
        assertThat(test.pValue()).isCloseTo(0.161854917196042, within(1e-6));
    }

    @Test
    void tenExceedances() {
        // x = 10, x/T = 0.04: 240 x ln(0.96 / 0.99) = 240 x -0.0307716586667537 = -7.38519808002089
        //                     10 x ln(4) = 13.8629436111989
        // LR = 2 x 6.47774553117801 = 12.955491062356; p-value = erfc(2.54514155425155) = 0.000318984508213380
        KupiecTest test = KupiecTest.of(10, 250, 0.99);
        assertThat(test.likelihoodRatio()).isCloseTo(12.955491062356042, within(1e-6));
        assertThat(test.pValue()).isCloseTo(0.000318984508213380, within(1e-9));
        assertThat(test.rejectsAt(0.01)).isTrue();
    }

    @Test
    void edgeCounts() {
        // x = T: LR = -2 x 250 x ln(0.01) = 500 x 4.60517018598809 = 2302.58509299405; the p-value (1.7e-502) is 0
        KupiecTest all = KupiecTest.of(250, 250, 0.99);
        assertThat(all.likelihoodRatio()).isCloseTo(2302.58509299405, within(1e-6));
        assertThat(all.pValue()).isEqualTo(0.0);
        // x = T x p exactly: the observed share is the expected one, LR = 0 and p-value = 1
        KupiecTest expected = KupiecTest.of(5, 500, 0.99);
        assertThat(expected.likelihoodRatio()).isCloseTo(0.0, within(1e-12));
        assertThat(expected.pValue()).isCloseTo(1.0, within(1e-6));
        // no observation: no evidence
        KupiecTest none = KupiecTest.of(0, 0, 0.99);
        assertThat(none.likelihoodRatio()).isEqualTo(0.0);
        assertThat(none.pValue()).isEqualTo(1.0);
    }

    @Test
    void chiSquareTailAtItsQuantiles() {
        // the 95 % and 99 % quantiles of chi-square(1): 3.84145882069412 and 6.63489660102121
        assertThat(KupiecTest.upperTailChiSquare1(3.84145882069412)).isCloseTo(0.05, within(1e-12));
        assertThat(KupiecTest.upperTailChiSquare1(6.63489660102121)).isCloseTo(0.01, within(1e-12));
    }

    @Test
    void refusesImpossibleCounts() {
        assertThatThrownBy(() -> KupiecTest.of(-1, 250, 0.99)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KupiecTest.of(251, 250, 0.99)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KupiecTest.of(0, -1, 0.99)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KupiecTest.of(1, 250, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KupiecTest.of(1, 250, 0.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KupiecTest.of(1, 250, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
