package io.computeclearing.risk.backtesting;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One account's observation over two families in two currencies, its margin shared out pro rata; hand-computed. */
class AccountObservationTest {

    private static final LocalDate BASE = LocalDate.of(2034, 3, 1);
    private static final LocalDate DATE = LocalDate.of(2034, 3, 2);
    /** 8 yuan per dollar: every conversion below is exact. */
    private static final BigDecimal USD_CNY = new BigDecimal("8");

    @Test
    void profitAndLossPerFamilyInItsCurrencyAndTheMarginSharedByValueHeld() {
        // GH: long 10 x 1,000, 2.000 -> 1.900: -1,000 USD; value held 10 x 1,000 x 2.000 = 20,000 USD.
        // TK: short 4 x 1,000, 5.00 -> 5.50: -2,000 CNY = -250 USD; value held 4 x 1,000 x 5.00 = 20,000 CNY =
        // 2,500 USD.
        // Account: -1,250 USD against 1,000 USD of margin: exceeded. Margin shares: GH 1,000 x 20,000 / 22,500 =
        // 888.8888888889 (scale 10, half even), TK the remainder 111.1111111111: together exactly 1,000. Each family's
        // loss exceeds its share (1,000 > 888.89, 250 > 111.11).
        List<HeldPosition> held = List.of(
                new HeldPosition("A1", "M1", "GH-3106", 10, "GH", "USD", new BigDecimal("1000.0000"),
                        new BigDecimal("2.000"), new BigDecimal("1.900")),
                new HeldPosition("A1", "M1", "TK-3106", -4, "TK", "CNY", new BigDecimal("1000.0000"),
                        new BigDecimal("5.00"), new BigDecimal("5.50")));

        AccountObservation o = AccountObservation.of(DATE, 1, BASE, held, new BigDecimal("1000.00"),
                AccountObservationTest::toUsd);

        assertThat(o.profitAndLoss()).isEqualByComparingTo("-1250");
        assertThat(o.observation().exceedance()).isTrue();
        assertThat(o.observation().excess()).isEqualByComparingTo("250");
        assertThat(o.families()).extracting(AccountObservation.FamilyObservation::family).containsExactly("GH", "TK");
        var gh = o.families().get(0);
        var tk = o.families().get(1);
        assertThat(gh.profitAndLoss()).isEqualByComparingTo("-1000");
        assertThat(gh.initialMargin()).isEqualTo(new BigDecimal("888.8888888889"));
        assertThat(tk.currency()).isEqualTo("CNY");
        assertThat(tk.profitAndLoss()).isEqualByComparingTo("-2000");
        assertThat(tk.profitAndLossUsd()).isEqualByComparingTo("-250");
        assertThat(tk.initialMargin()).isEqualByComparingTo("111.1111111111");
        assertThat(gh.initialMargin().add(tk.initialMargin())).isEqualByComparingTo("1000");
        assertThat(gh.exceedance()).isTrue();
        assertThat(tk.exceedance()).isTrue();
    }

    @Test
    void nothingHeldOfValueSharesTheMarginEqually() {
        // Both settled at zero at the base date: no value to share by, so halves; P&L +50 and -30 USD.
        List<HeldPosition> held = List.of(
                new HeldPosition("A2", "M1", "GH-3106", 1, "GH", "USD", new BigDecimal("1000"), BigDecimal.ZERO,
                        new BigDecimal("0.05")),
                new HeldPosition("A2", "M1", "GB-3106", 1, "GB", "USD", new BigDecimal("1000"), BigDecimal.ZERO,
                        new BigDecimal("-0.03")));

        AccountObservation o = AccountObservation.of(DATE, 2, BASE, held, new BigDecimal("25.00"),
                AccountObservationTest::toUsd);

        assertThat(o.profitAndLoss()).isEqualByComparingTo("20");
        assertThat(o.families()).extracting(f -> f.family() + " " + f.initialMargin().stripTrailingZeros()
                + " " + f.exceedance()).containsExactly("GB 12.5 true", "GH 12.5 false");
    }

    private static BigDecimal toUsd(BigDecimal amount, String currency) {
        return "USD".equals(currency) ? amount : amount.divide(USD_CNY, 10, RoundingMode.HALF_EVEN);
    }
}
