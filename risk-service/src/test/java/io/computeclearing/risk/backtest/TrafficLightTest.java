package io.computeclearing.risk.backtest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The Basel traffic light. Over 250 days at 99 % the Basel Committee's zones (Supervisory framework for the use of
 * "backtesting" in conjunction with the internal models approach to market risk capital requirements, January
 * 1996): 0-4 green, 5-9 yellow, 10+ red. Other windows from the same rule (yellow from
 * {@code P(X <= x) >= 95 %}, red from 99.99 %), with the binomial cumulative probabilities computed to 8 digits with
 * mpmath 1.3.
 */
class TrafficLightTest {

    @Test
    void baselBoundsOver250DaysAt99Percent() {
        for (int x = 0; x <= 4; x++) {
            assertThat(TrafficLight.of(x, 250)).as("%d exceedances", x).isEqualTo(TrafficLight.GREEN);
        }
        for (int x = 5; x <= 9; x++) {
            assertThat(TrafficLight.of(x, 250)).as("%d exceedances", x).isEqualTo(TrafficLight.YELLOW);
        }
        for (int x = 10; x <= 250; x++) {
            assertThat(TrafficLight.of(x, 250)).as("%d exceedances", x).isEqualTo(TrafficLight.RED);
        }
    }

    @Test
    void cumulativeProbabilitiesOfTheBaselTable() {
        // P(X <= 4) = 89.22 %, P(X <= 5) = 95.88 %, P(X <= 9) = 99.975 %, P(X <= 10) = 99.9946 %
        assertThat(BinomialDistribution.cumulative(0, 250, 0.01)).isCloseTo(0.0810585161622, within(1e-12));
        assertThat(BinomialDistribution.cumulative(4, 250, 0.01)).isCloseTo(0.892187626904, within(1e-12));
        assertThat(BinomialDistribution.cumulative(5, 250, 0.01)).isCloseTo(0.95881681593, within(1e-11));
        assertThat(BinomialDistribution.cumulative(9, 250, 0.01)).isCloseTo(0.999749809931, within(1e-12));
        assertThat(BinomialDistribution.cumulative(10, 250, 0.01)).isCloseTo(0.999946101371, within(1e-12));
        assertThat(BinomialDistribution.cumulative(250, 250, 0.01)).isEqualTo(1.0);
        assertThat(BinomialDistribution.cumulative(-1, 250, 0.01)).isEqualTo(0.0);
    }

    @Test
    void otherWindowsAndConfidences() {
        // 500 days at 99 %: yellow from 9 (P(X <= 9) = 96.89 %), red from 15 (99.9939 %)
        assertBounds(500, 0.99, 9, 15);
        // 250 days at 97.5 %: yellow from 11 (97.53 %), red from 17 (99.9928 %)
        assertBounds(250, 0.975, 11, 17);
        // a window still filling: 60 days, yellow from 2 (97.76 %), red from 5 (99.9968 %)
        assertBounds(60, 0.99, 2, 5);
        // 25,000 account-days pooled: yellow from 276 (95.22 %), red from 311 (99.9920 %); (1-p)^n underflows here
        assertBounds(25_000, 0.99, 276, 311);
    }

    @Test
    void noExceedanceIsGreenHoweverShortTheWindow() {
        // 5 days at 99 %: P(X <= 0) = 0.99^5 = 95.1 %, which the rule alone would call yellow
        assertThat(TrafficLight.of(0, 5)).isEqualTo(TrafficLight.GREEN);
        assertThat(TrafficLight.of(0, 0)).isEqualTo(TrafficLight.GREEN);
        // one exceedance in one day: P(X <= 1) = 1, red (a correct 99 % margin makes it 1 % likely)
        assertThat(TrafficLight.of(1, 1)).isEqualTo(TrafficLight.RED);
    }

    @Test
    void refusesImpossibleCounts() {
        assertThatThrownBy(() -> TrafficLight.of(-1, 250)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrafficLight.of(251, 250)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrafficLight.of(1, 250, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertBounds(int n, double confidence, int yellowFrom, int redFrom) {
        assertThat(TrafficLight.of(yellowFrom - 1, n, confidence)).isEqualTo(TrafficLight.GREEN);
        assertThat(TrafficLight.of(yellowFrom, n, confidence)).isEqualTo(TrafficLight.YELLOW);
        assertThat(TrafficLight.of(redFrom - 1, n, confidence)).isEqualTo(TrafficLight.YELLOW);
        assertThat(TrafficLight.of(redFrom, n, confidence)).isEqualTo(TrafficLight.RED);
    }
}
