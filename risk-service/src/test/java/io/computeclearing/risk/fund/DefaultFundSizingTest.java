package io.computeclearing.risk.fund;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sizing the default fund from Cover-2, against numbers computed by hand. */
class DefaultFundSizingTest {

    static final Currency USD = Currency.getInstance("USD");

    @Test
    void fundIsCover2WithTheBufferRoundedUpToTheCent() {
        // 1,234,567.891 x 1.10 = 1,358,024.6801 -> up to the cent: 1,358,024.69 (above the 1,000,000.00 floor)
        FundSize size = sizing("0.10", "1000000.00").size(new BigDecimal("1234567.891"));
        assertThat(size.buffered()).isEqualByComparingTo("1358024.6801");
        assertThat(size.amount()).isEqualTo(new BigDecimal("1358024.69"));
        assertThat(size.minimumApplied()).isFalse();
        assertThat(size.currency()).isEqualTo(USD);
    }

    @Test
    void exactAmountsAreNotRounded() {
        // 2,000,000.00 x 1.25 = 2,500,000.00 exactly
        assertThat(sizing("0.25", "0").size(new BigDecimal("2000000.00")).amount())
                .isEqualTo(new BigDecimal("2500000.00"));
    }

    @Test
    void minimumIsTheFloor() {
        // 500,000.00 x 1.10 = 550,000.00 < 1,000,000.00: the floor sets the fund
        FundSize size = sizing("0.10", "1000000.00").size(new BigDecimal("500000.00"));
        assertThat(size.amount()).isEqualTo(new BigDecimal("1000000.00"));
        assertThat(size.minimumApplied()).isTrue();
        // at the floor exactly, the buffered Cover-2 is not below it
        FundSize atFloor = sizing("0", "1000000.00").size(new BigDecimal("1000000"));
        assertThat(atFloor.minimumApplied()).isFalse();
        assertThat(atFloor.amount()).isEqualTo(new BigDecimal("1000000.00"));
    }

    @Test
    void zeroCover2GivesTheMinimum() {
        assertThat(sizing("0.10", "250000.00").size(BigDecimal.ZERO).amount()).isEqualTo(new BigDecimal("250000.00"));
        assertThat(sizing("0.10", "0").size(BigDecimal.ZERO).amount()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void shortfallIsCover2AboveTheFundRoundedUp() {
        DefaultFundSizing sizing = sizing("0.10", "0");
        // 1,200,000.001 - 1,100,000.00 = 100,000.001 -> 100,000.01
        assertThat(sizing.shortfall(new BigDecimal("1100000.00"), new BigDecimal("1200000.001")))
                .isEqualTo(new BigDecimal("100000.01"));
        assertThat(sizing.shortfall(new BigDecimal("1100000.00"), new BigDecimal("1100000.00")))
                .isEqualTo(new BigDecimal("0.00"));
        assertThat(sizing.shortfall(new BigDecimal("1100000.00"), new BigDecimal("900000")))
                .isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void negativeInputsAreRefused() {
        assertThatThrownBy(() -> sizing("0.10", "0").size(new BigDecimal("-0.01")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Cover-2 cannot be negative");
        assertThatThrownBy(() -> sizing("-0.01", "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("buffer cannot be negative");
        assertThatThrownBy(() -> sizing("0", "-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minimum cannot be negative");
        assertThatThrownBy(() -> sizing("0", "0").shortfall(new BigDecimal("-1"), BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be negative");
    }

    @Test
    void minimumInFractionsOfACentIsRefused() {
        assertThatThrownBy(() -> sizing("0", "100.001"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more decimals than USD");
    }

    @Test
    void currencyWithoutMinorUnitsRoundsUpToWholeUnits() {
        // JPY has no minor unit: 1,000 x 1.05 = 1,050.00 exactly; 1,001 x 1.05 = 1,051.05 -> 1,052
        DefaultFundSizing yen = new DefaultFundSizing(
                new FundSizingPolicy(Currency.getInstance("JPY"), new BigDecimal("0.05"), BigDecimal.ZERO));
        assertThat(yen.size(new BigDecimal("1000")).amount()).isEqualTo(new BigDecimal("1050"));
        assertThat(yen.size(new BigDecimal("1001")).amount()).isEqualTo(new BigDecimal("1052"));
    }

    private static DefaultFundSizing sizing(String buffer, String minimum) {
        return new DefaultFundSizing(new FundSizingPolicy(USD, new BigDecimal(buffer), new BigDecimal(minimum)));
    }
}
