package io.computeclearing.margin.requirement;

import io.computeclearing.margin.parameters.RiskParameterSet;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The price scan range scales with the size of the reference price, whatever its sign, down to the floor. */
class PriceScanRangeTest {

    private static final RiskParameterSet GH100 = new RiskParameterSet();

    static {
        GH100.referencePrice = new BigDecimal("2.60");
        GH100.priceScanFraction = new BigDecimal("0.25");
    }

    @Test
    void positivePriceScansItsFraction() {
        // 3.00 x 0.25 = 0.75 a unit
        assertThat(GH100.priceScanRange(new BigDecimal("3.00"))).isEqualByComparingTo("0.75");
    }

    @Test
    void negativePriceScansTheFractionOfItsSize() {
        // |-0.40| x 0.25 = 0.10 a unit
        assertThat(GH100.priceScanRange(new BigDecimal("-0.40"))).isEqualByComparingTo("0.10");
    }

    @Test
    void theFloorBindsBelowItsPriceLevelWhateverTheSign() {
        // floor 325.00 a contract of 1,000 = 0.325 a unit: 2.60 x 0.25 = 0.65 above it; 0.01 x 0.25 = 0.0025, 0 and
        // |-0.25| x 0.25 = 0.0625 below it
        RiskParameterSet floored = new RiskParameterSet();
        floored.referencePrice = new BigDecimal("2.60");
        floored.priceScanFraction = new BigDecimal("0.25");
        floored.contractUnit = new BigDecimal("1000");
        floored.priceScanFloor = new BigDecimal("325.00");
        assertThat(floored.priceScanRange(new BigDecimal("2.60"))).isEqualByComparingTo("0.65");
        assertThat(floored.priceScanRange(new BigDecimal("0.01"))).isEqualByComparingTo("0.325");
        assertThat(floored.priceScanRange(BigDecimal.ZERO)).isEqualByComparingTo("0.325");
        assertThat(floored.priceScanRange(new BigDecimal("-0.25"))).isEqualByComparingTo("0.325");
        assertThat(floored.scanRangePerContract()).isEqualByComparingTo("650.00");
    }

    @Test
    void withoutAFloorAZeroPriceFallsBackToTheConfiguredReferencePrice() {
        // 2.60 x 0.25 = 0.65 a unit, not zero
        assertThat(GH100.priceScanRange(BigDecimal.ZERO)).isEqualByComparingTo("0.65");
    }
}
