package io.computeclearing.margin.span;

import org.junit.jupiter.api.Test;

import static io.computeclearing.margin.span.Black76.OptionType.CALL;
import static io.computeclearing.margin.span.Black76.OptionType.PUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Black-76 checked against values computed independently from the formula (not from this code): Python's
 * {@code math.erf} for N(x) = (1 + erf(x / sqrt 2)) / 2.
 */
class Black76Test {

    private static final double T = 30.0 / 365;

    /**
     * F = 2.60, K = 2.60, T = 30/365, sigma = 0.60, r = 0.04:
     * sigma sqrt T = 0.60 x 0.286691 = 0.1720147; d1 = (ln 1 + 0.1720147^2 / 2) / 0.1720147 = 0.0860073;
     * d2 = -0.0860073; N(d1) = 0.5342697, N(d2) = 0.4657303; e^(-rT) = e^(-0.0032877) = 0.9967177;
     * call = 0.9967177 x 2.60 x (0.5342697 - 0.4657303) = 0.1776175.
     */
    @Test
    void atTheMoneyCallMatchesTheFormula() {
        assertThat(Black76.price(CALL, 2.60, 2.60, T, 0.04, 0.60)).isCloseTo(0.177617549598797, within(1e-12));
    }

    @Test
    void atTheMoneyPutEqualsTheCall() {
        // put-call parity with F = K: c - p = e^(-rT) (F - K) = 0
        assertThat(Black76.price(PUT, 2.60, 2.60, T, 0.04, 0.60))
                .isCloseTo(Black76.price(CALL, 2.60, 2.60, T, 0.04, 0.60), within(1e-13));
    }

    @Test
    void inTheMoneyPricesSatisfyPutCallParity() {
        // F = 2.80: call 0.300927404951499, put 0.101583859503412 (independent); c - p = e^(-rT) x 0.20
        double call = Black76.price(CALL, 2.80, 2.60, T, 0.04, 0.60);
        double put = Black76.price(PUT, 2.80, 2.60, T, 0.04, 0.60);
        assertThat(call).isCloseTo(0.30092740495149917, within(1e-12));
        assertThat(put).isCloseTo(0.10158385950341248, within(1e-12));
        assertThat(call - put).isCloseTo(Math.exp(-0.04 * T) * 0.20, within(1e-13));
    }

    @Test
    void deltasAreDiscountedProbabilities() {
        // call e^(-rT) N(d1) = 0.9967177 x 0.5342697; put -e^(-rT) N(-d1)
        assertThat(Black76.delta(CALL, 2.60, 2.60, T, 0.04, 0.60)).isCloseTo(0.5325160846969094, within(1e-12));
        assertThat(Black76.delta(PUT, 2.60, 2.60, T, 0.04, 0.60)).isCloseTo(-0.46420164254352597, within(1e-12));
    }

    @Test
    void normalDistributionMatchesTables() {
        assertThat(Black76.normalCdf(0)).isEqualTo(0.5);
        assertThat(Black76.normalCdf(1.96)).isCloseTo(0.9750021048517795, within(1e-14));
        assertThat(Black76.normalCdf(-1.96)).isCloseTo(0.024997895148220435, within(1e-14));
    }

    @Test
    void atExpiryThePriceIsDiscountedIntrinsicValue() {
        assertThat(Black76.price(CALL, 3.00, 2.60, 0, 0.04, 0.60)).isCloseTo(0.40, within(1e-15));
        assertThat(Black76.price(PUT, 3.00, 2.60, 0, 0.04, 0.60)).isEqualTo(0.0);
    }

    @Test
    void refusesNonPositiveFuturesPrices() {
        assertThatThrownBy(() -> Black76.price(CALL, 0, 2.60, T, 0.04, 0.60))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive futures price");
        assertThatThrownBy(() -> Black76.price(PUT, -1.5, 2.60, T, 0.04, 0.60))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OptionTerms.of(CALL, 2.60, 0, T, 0.04, 0.60))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive futures price");
    }
}
