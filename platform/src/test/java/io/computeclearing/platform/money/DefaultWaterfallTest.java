package io.computeclearing.platform.money;

import io.computeclearing.platform.money.DefaultWaterfall.Allocation;
import io.computeclearing.platform.money.DefaultWaterfall.Layer;
import io.computeclearing.platform.money.DefaultWaterfall.Resources;
import io.computeclearing.platform.money.DefaultWaterfall.Survivor;
import io.computeclearing.platform.money.DefaultWaterfall.SurvivorCharge;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The default waterfall computed by hand. Resources throughout: the defaulter's collateral 300,000.00 and
 * contribution 50,000.00, the CCP's tranche 100,000.00 (450,000.00 before any survivor pays), survivors A 200,000.00,
 * B 100,000.00 and C 33,333.33 (333,333.33 in all), assessments capped at 1 x the contribution.
 */
class DefaultWaterfallTest {

    private static final DefaultWaterfall USD = new DefaultWaterfall(Currency.getInstance("USD"));

    private static Resources resources(String multiple) {
        return new Resources(new BigDecimal("300000.00"), new BigDecimal("50000.00"), new BigDecimal("100000.00"),
                List.of(new Survivor("C", new BigDecimal("33333.33")), new Survivor("A", new BigDecimal("200000.00")),
                        new Survivor("B", new BigDecimal("100000.00"))), new BigDecimal(multiple));
    }

    @Test
    void aLossWithinTheDefaultersCollateralStaysWithTheDefaulter() {
        Allocation a = USD.allocate(new BigDecimal("120000.50"), resources("1"));
        assertThat(a.byLayer()).containsEntry(Layer.DEFAULTER_COLLATERAL, new BigDecimal("120000.50"))
                .containsEntry(Layer.DEFAULTER_CONTRIBUTION, new BigDecimal("0.00"))
                .containsEntry(Layer.CCP_TRANCHE, new BigDecimal("0.00"))
                .containsEntry(Layer.SURVIVOR_CONTRIBUTIONS, new BigDecimal("0.00"))
                .containsEntry(Layer.SURVIVOR_ASSESSMENTS, new BigDecimal("0.00"));
        assertThat(a.uncovered()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void survivorsShareTheirLayerProRataToTheCent() {
        // 500,000.00 - 450,000.00 = 50,000.00 from the survivors, 5,000,000 cents pro rata to 20,000,000 : 10,000,000
        // : 3,333,333 (of 33,333,333). Exact quotas: A 3,000,000 rest 1,000,000/33,333,333; B 1,500,000 rest
        // 500,000/33,333,333; C 499,999 rest 31,833,333/33,333,333. One cent is left: C has the largest remainder.
        Allocation a = USD.allocate(new BigDecimal("500000.00"), resources("1"));
        assertThat(a.byLayer()).containsEntry(Layer.CCP_TRANCHE, new BigDecimal("100000.00"))
                .containsEntry(Layer.SURVIVOR_CONTRIBUTIONS, new BigDecimal("50000.00"))
                .containsEntry(Layer.SURVIVOR_ASSESSMENTS, new BigDecimal("0.00"));
        assertThat(a.survivors()).containsExactly(
                new SurvivorCharge("A", new BigDecimal("30000.00"), new BigDecimal("0.00")),
                new SurvivorCharge("B", new BigDecimal("15000.00"), new BigDecimal("0.00")),
                new SurvivorCharge("C", new BigDecimal("5000.00"), new BigDecimal("0.00")));
        assertThat(a.uncovered()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void beyondTheContributionsTheSurvivorsAreAssessedUpToTheirCaps() {
        // 1,000,000.00: the survivors' 333,333.33 is used up; 216,666.67 is assessed, 21,666,667 cents pro rata to the
        // caps (= the contributions). Quotas: A 13,000,000 rest 11,000,000; B 6,500,000 rest 5,500,000; C 2,166,666
        // rest 16,833,333 (of 33,333,333): the one cent left goes to C.
        Allocation a = USD.allocate(new BigDecimal("1000000.00"), resources("1"));
        assertThat(a.byLayer()).containsEntry(Layer.DEFAULTER_COLLATERAL, new BigDecimal("300000.00"))
                .containsEntry(Layer.DEFAULTER_CONTRIBUTION, new BigDecimal("50000.00"))
                .containsEntry(Layer.CCP_TRANCHE, new BigDecimal("100000.00"))
                .containsEntry(Layer.SURVIVOR_CONTRIBUTIONS, new BigDecimal("333333.33"))
                .containsEntry(Layer.SURVIVOR_ASSESSMENTS, new BigDecimal("216666.67"));
        assertThat(a.survivors()).containsExactly(
                new SurvivorCharge("A", new BigDecimal("200000.00"), new BigDecimal("130000.00")),
                new SurvivorCharge("B", new BigDecimal("100000.00"), new BigDecimal("65000.00")),
                new SurvivorCharge("C", new BigDecimal("33333.33"), new BigDecimal("21666.67")));
        assertThat(a.uncovered()).isEqualTo(new BigDecimal("0.00"));
        assertThat(a.byLayer().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).add(a.uncovered()))
                .isEqualTo(a.loss());
    }

    @Test
    void whatNoLayerCoversIsLeftUncovered() {
        // Assessments capped at half the contribution: 166,666.66 (C's cap 16,666.665 rounds down to 16,666.66). All
        // layers give 450,000.00 + 333,333.33 + 166,666.66 = 949,999.99; of 1,200,000.00, 250,000.01 is uncovered.
        Allocation a = USD.allocate(new BigDecimal("1200000.00"), resources("0.5"));
        assertThat(a.byLayer()).containsEntry(Layer.SURVIVOR_ASSESSMENTS, new BigDecimal("166666.66"));
        assertThat(a.survivors()).extracting(SurvivorCharge::assessed).containsExactly(
                new BigDecimal("100000.00"), new BigDecimal("50000.00"), new BigDecimal("16666.66"));
        assertThat(a.uncovered()).isEqualTo(new BigDecimal("250000.01"));
        // No assessments at all with a multiple of 0.
        assertThat(USD.allocate(new BigDecimal("1200000.00"), resources("0")).uncovered())
                .isEqualTo(new BigDecimal("416666.67"));
    }

    @Test
    void badAmountsAreRefused() {
        assertThatThrownBy(() -> USD.allocate(new BigDecimal("-0.01"), resources("1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loss");
        assertThatThrownBy(() -> USD.allocate(new BigDecimal("1.001"), resources("1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minor units");
        assertThatThrownBy(() -> USD.allocate(BigDecimal.ONE, resources("-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiple");
    }
}
