package io.computeclearing.risk.backtest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * erfc and erf against reference values to 20 digits (mpmath 1.3 at 40 digits; the first five also in Abramowitz and
 * Stegun, table 7.1, to the digits it prints), to a relative 1e-14: a few units in the last place of a double.
 */
class ErrorFunctionTest {

    @Test
    void complementAtKnownPoints() {
        assertThat(ErrorFunction.erfc(0.0)).isEqualTo(1.0);
        assertRelative(ErrorFunction.erfc(0.25), 0.72367360983176306701);
        assertRelative(ErrorFunction.erfc(0.5), 0.4795001221869535);
        assertRelative(ErrorFunction.erfc(1.0), 0.15729920705028513);
        assertRelative(ErrorFunction.erfc(1.5), 0.033894853524689272933);
        assertRelative(ErrorFunction.erfc(2.0), 0.004677734981047266);
        assertRelative(ErrorFunction.erfc(3.0), 2.209049699858544e-05);
        assertRelative(ErrorFunction.erfc(5.0), 1.5374597944280348502e-12);
        assertRelative(ErrorFunction.erfc(10.0), 2.088487583762544757e-45);
        assertRelative(ErrorFunction.erfc(26.0), 5.6631924088561428465e-296);
    }

    @Test
    void complementAcrossItsRange() {
        // mpmath 1.3 at 40 digits, rounded to 20
        double[][] reference = {
            {0.01, 0.98871658444415038285},
            {0.1, 0.8875370839817151016},
            {0.3, 0.67137324054087258381},
            {0.7, 0.32219880616258155772},
            {0.9, 0.20309178757716786034},
            {0.99, 0.16149193044463020018},
            {1.01, 0.1531895037717232985},
            {1.2, 0.089686021770364631634},
            {1.7, 0.016209541409225439159},
            {2.5, 0.00040695201744495893956},
            {3.5, 7.4309837234141274552e-7},
            {4.0, 1.5417257900280018852e-8},
            {6.0, 2.1519736712498913117e-17},
            {8.0, 1.122429717298292708e-29},
            {12.0, 1.3562611692059042128e-64},
            {20.0, 5.3958656116079009289e-176},
        };
        for (double[] point : reference) {
            assertRelative(ErrorFunction.erfc(point[0]), point[1]);
        }
    }

    @Test
    void negativeArgumentsAndLimits() {
        // erfc(-x) = 2 - erfc(x)
        assertRelative(ErrorFunction.erfc(-1.0), 1.8427007929497148693);
        assertThat(ErrorFunction.erfc(-40.0)).isEqualTo(2.0);
        assertThat(ErrorFunction.erfc(40.0)).isEqualTo(0.0);
        assertThat(ErrorFunction.erfc(Double.POSITIVE_INFINITY)).isEqualTo(0.0);
        assertThat(ErrorFunction.erfc(Double.NEGATIVE_INFINITY)).isEqualTo(2.0);
        assertThat(ErrorFunction.erfc(Double.NaN)).isNaN();
    }

    @Test
    void errorFunction() {
        assertThat(ErrorFunction.erf(0.0)).isEqualTo(0.0);
        assertRelative(ErrorFunction.erf(0.5), 0.52049987781304653768);
        assertRelative(ErrorFunction.erf(1.0), 0.84270079294971486934);
        assertRelative(ErrorFunction.erf(-1.0), -0.84270079294971486934);
        assertRelative(ErrorFunction.erf(2.0), 0.99532226501895273416);
        assertThat(ErrorFunction.erf(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(ErrorFunction.erf(Double.NEGATIVE_INFINITY)).isEqualTo(-1.0);
    }

    @Test
    void seriesAndContinuedFractionMeetWithoutAJump() {
        // either side of the switch at 1 lies within a few units in the last place of erfc(1) = 0.15729920705028513
        double below = ErrorFunction.erfc(Math.nextDown(1.0));
        double above = ErrorFunction.erfc(1.0);
        assertThat(Math.abs(below - above)).isLessThan(1e-15 * 0.1573);
        assertRelative(below, 0.15729920705028513);
    }

    private static void assertRelative(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * 1e-14));
    }
}
