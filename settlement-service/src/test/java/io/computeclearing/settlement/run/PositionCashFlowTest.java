package io.computeclearing.settlement.run;

import io.computeclearing.settlement.instrument.SettledInstrument;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The cash flow formula and tick rounding on their own, without the service. */
class PositionCashFlowTest {

    @Test
    void startOfDayIsRevaluedFromYesterdayAndTodaysTradesFromTheirPrice() {
        PositionCashFlow flow = new PositionCashFlow("ACC", "MEM", "GH100");
        flow.addPrior(6);
        flow.addTrade(-2, new BigDecimal("2.700"));
        flow.addTrade(3, new BigDecimal("2.600"));
        // 6 x (2.640 - 2.615) x 1000 = 150; -2 x (2.640 - 2.700) x 1000 = 120; 3 x (2.640 - 2.600) x 1000 = 120
        assertThat(flow.amount(new BigDecimal("2.615"), new BigDecimal("2.640"), new BigDecimal("1000")))
                .isEqualByComparingTo("390");
        assertThat(flow.bought()).isEqualTo(3);
        assertThat(flow.sold()).isEqualTo(2);
        assertThat(flow.endOfDay()).isEqualTo(7);
    }

    @Test
    void aFallIntoNegativePricesCostsTheLongTheWholeDistance() {
        PositionCashFlow flow = new PositionCashFlow("ACC", "MEM", "GH100");
        flow.addPrior(4);
        // 4 x (-0.150 - 2.640) x 1000 = -11160
        assertThat(flow.amount(new BigDecimal("2.640"), new BigDecimal("-0.150"), new BigDecimal("1000")))
                .isEqualByComparingTo("-11160");
    }

    @Test
    void roundingToTheTickTakesTheNearestTickAndHalvesToTheEvenOne() {
        SettledInstrument gpu = new SettledInstrument();
        gpu.tickSize = new BigDecimal("0.005");
        assertThat(gpu.roundToTick(new BigDecimal("2.6123"))).isEqualTo(new BigDecimal("2.610"));
        assertThat(gpu.roundToTick(new BigDecimal("2.6125"))).isEqualTo(new BigDecimal("2.610"));
        assertThat(gpu.roundToTick(new BigDecimal("2.6175"))).isEqualTo(new BigDecimal("2.620"));
        assertThat(gpu.roundToTick(new BigDecimal("-2.6125"))).isEqualTo(new BigDecimal("-2.610"));
        assertThat(gpu.roundToTick(new BigDecimal("0.0024"))).isEqualTo(new BigDecimal("0.000"));
        assertThat(gpu.onTickGrid(new BigDecimal("-0.150"))).isTrue();
        assertThat(gpu.onTickGrid(new BigDecimal("2.6021"))).isFalse();
    }
}
