package io.computeclearing.margin.span;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Collections;

import static io.computeclearing.margin.span.Black76.OptionType.CALL;
import static io.computeclearing.margin.span.Black76.OptionType.PUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Risk arrays. Option values are checked against an independent computation of
 * {@code (V(F, sigma) - V(F + move x 0.30, sigma + volMove x 0.10)) x 1000 x weight} with Python's {@code math.erf},
 * for F = K = 2.60, T = 30/365, r = 0.04, sigma = 0.60, price scan range 0.30, volatility scan range 0.10, multiplier
 * 1,000.
 */
class RiskArrayTest {

    private static final ScenarioGrid GRID = ScenarioGrid.cme();
    private static final double T = 30.0 / 365;

    private static RiskArray option(Black76.OptionType type) {
        return RiskArray.forOption(GRID, OptionTerms.of(type, 2.60, 2.60, T, 0.04, 0.60), new BigDecimal("0.30"),
                new BigDecimal("0.10"), new BigDecimal("1000"), 2);
    }

    @Test
    void gridHasSixteenScenariosWithPairs() {
        assertThat(GRID.scenarios()).hasSize(16);
        assertThat(GRID.scenario(15).weight()).isEqualByComparingTo("0.33");
        assertThat(GRID.scenario(16).priceMoveFraction()).isEqualByComparingTo("-3");
        assertThat(ScenarioGrid.pairOf(1)).isEqualTo(2);
        assertThat(ScenarioGrid.pairOf(14)).isEqualTo(13);
        assertThat(ScenarioGrid.pairOf(16)).isEqualTo(16);
        ScenarioGrid nse = ScenarioGrid.of(BigDecimal.TWO, new BigDecimal("0.35"));
        assertThat(nse.scenario(15).priceMoveFraction()).isEqualByComparingTo("2");
        assertThatThrownBy(() -> ScenarioGrid.of(BigDecimal.ONE, new BigDecimal("1.5")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void futureArrayIsMinusMoveTimesRangeWithCompositeDeltaOne() {
        RiskArray future = RiskArray.forFuture(GRID, new BigDecimal("900"), 2);
        assertThat(future.compositeDelta()).isEqualByComparingTo("1");
        assertThat(future.loss(1)).isEqualByComparingTo("0");
        assertThat(future.loss(3)).isEqualByComparingTo("-300.00");
        assertThat(future.loss(10)).isEqualByComparingTo("600.00");
        assertThat(future.loss(13)).isEqualByComparingTo("900.00");
        assertThat(future.loss(15)).isEqualByComparingTo("-891.00"); // 900 x 3 x 0.33
        assertThat(future.loss(16)).isEqualByComparingTo("891.00");
    }

    @Test
    void futureArrayIsTheSameAtZeroAndNegativePrices() {
        BigDecimal range = new BigDecimal("0.45");
        BigDecimal multiplier = new BigDecimal("1000");
        RiskArray positive = RiskArray.forFuture(GRID, new BigDecimal("2.10"), range, multiplier, 2);
        RiskArray zero = RiskArray.forFuture(GRID, BigDecimal.ZERO, range, multiplier, 2);
        RiskArray negative = RiskArray.forFuture(GRID, new BigDecimal("-0.30"), range, multiplier, 2);
        assertThat(zero).isEqualTo(positive);
        assertThat(negative).isEqualTo(positive);
        assertThat(negative.loss(13)).isEqualByComparingTo("450.00");
        assertThat(negative).isEqualTo(RiskArray.forFuture(GRID, new BigDecimal("450"), 2));
    }

    @Test
    void longCallArrayMatchesIndependentRepricing() {
        RiskArray call = option(CALL);
        assertThat(call.loss(1)).isEqualByComparingTo("-29.51");   // price 0, vol up: the call gains
        assertThat(call.loss(2)).isEqualByComparingTo("29.55");    // price 0, vol down
        assertThat(call.loss(11)).isEqualByComparingTo("-222.48"); // +1 range, vol up
        assertThat(call.loss(14)).isEqualByComparingTo("139.62");  // -1 range, vol down: worst
        assertThat(call.loss(15)).isEqualByComparingTo("-240.32"); // +3 ranges x 0.33
        assertThat(call.loss(16)).isEqualByComparingTo("58.35");   // -3 ranges x 0.33
        assertThat(call.compositeDelta()).isEqualByComparingTo("0.5279");
    }

    @Test
    void longCallLossIsBoundedByItsPremium() {
        // premium 0.1776175 x 1,000 = 177.62: a long option cannot lose more than it cost
        RiskArray call = option(CALL);
        BigDecimal premium = new BigDecimal("177.62");
        assertThat(Collections.max(call.losses())).isLessThanOrEqualTo(premium);
        assertThat(call.losses()).allSatisfy(loss -> assertThat(loss).isLessThanOrEqualTo(premium));
    }

    @Test
    void longPutArrayMatchesIndependentRepricing() {
        RiskArray put = option(PUT);
        assertThat(put.loss(13)).isEqualByComparingTo("-202.23");
        assertThat(put.loss(12)).isEqualByComparingTo("127.27");
        assertThat(put.loss(16)).isEqualByComparingTo("-237.67");
        assertThat(put.compositeDelta()).isEqualByComparingTo("-0.4688");
    }

    @Test
    void scenarioPricesAtOrBelowZeroValueOptionsAtDiscountedIntrinsic() {
        // F = 0.50, K = 0.60; the -3 range extreme moves F to -0.40: put worth e^(-rT) x 1.00
        RiskArray put = RiskArray.forOption(GRID, OptionTerms.of(PUT, 0.60, 0.50, T, 0.04, 0.60),
                new BigDecimal("0.30"), new BigDecimal("0.10"), new BigDecimal("1000"), 2);
        assertThat(put.loss(16)).isEqualByComparingTo("-293.73");
        assertThat(put.loss(13)).isEqualByComparingTo("-292.06"); // F = 0.20, still Black-76
    }

    @Test
    void refusesAVolatilityScanRangeThatWouldMakeVolatilityNonPositive() {
        assertThatThrownBy(() -> RiskArray.forOption(GRID, OptionTerms.of(CALL, 2.60, 2.60, T, 0.04, 0.60),
                new BigDecimal("0.30"), new BigDecimal("0.60"), new BigDecimal("1000"), 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("volatility scan range");
    }
}
