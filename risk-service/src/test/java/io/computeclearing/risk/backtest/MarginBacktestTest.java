package io.computeclearing.risk.backtest;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The rolling backtest of one account on a constructed price path, the expected values counted by hand. */
class MarginBacktestTest {

    static final Currency USD = Currency.getInstance("USD");
    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final BigDecimal MARGIN = new BigDecimal("1500.00");

    /**
     * 260 days of a long position of 10 GH100 contracts of 1,000 GPU-hours from 2.6000 USD: P&L = 10,000 x the
     * day's price change, against 1,500.00 of margin every day. The price moves +/-0.0100 (P&L +/-100.00), except:
     * days 3 and 4 fall 0.2000 (loss 2,000.00, exceeded), days 50, 100, 150 and 200 fall 0.2000 (exceeded by 500.00),
     * day 250 falls 0.2200 (loss 2,200.00, exceeded by 700.00), day 120 falls 0.1500 (loss 1,500.00: equal to the
     * margin, covered) and day 180 rises 0.3000 (a gain).
     */
    static List<BacktestObservation> pricePath() {
        Map<Integer, String> shocks = Map.of(3, "-0.2000", 4, "-0.2000", 50, "-0.2000", 100, "-0.2000",
                150, "-0.2000", 200, "-0.2000", 250, "-0.2200", 120, "-0.1500", 180, "0.3000");
        BigDecimal contracts = new BigDecimal("10");
        BigDecimal unit = new BigDecimal("1000");
        BigDecimal price = new BigDecimal("2.6000");
        List<BacktestObservation> days = new ArrayList<>();
        for (int day = 1; day <= 260; day++) {
            BigDecimal change = new BigDecimal(shocks.getOrDefault(day, day % 2 == 0 ? "-0.0100" : "0.0100"));
            BigDecimal next = price.add(change);
            BigDecimal profitAndLoss = contracts.multiply(unit).multiply(next.subtract(price));
            days.add(new BacktestObservation(START.plusDays(day - 1), MARGIN, profitAndLoss));
            price = next;
        }
        return days;
    }

    @Test
    void rollingWindowOf250DaysAt99Percent() {
        // the window is days 11-260: days 3 and 4 have left it; exceedances on days 50, 100, 150, 200, 250 = 5
        // coverage 1 - 5/250 = 0.98; expected 250 x 0.01 = 2.5; Kupiec LR(5 of 250) = 1.95680978823063,
        // p-value 0.161854917196042 (worked in KupiecProportionOfFailuresTest); 5 is yellow
        BacktestResult result = MarginBacktest.standard().evaluate(USD, pricePath());
        assertThat(result.observations()).isEqualTo(250);
        assertThat(result.firstDate()).contains(START.plusDays(10));
        assertThat(result.lastDate()).contains(START.plusDays(259));
        assertThat(result.exceedances()).isEqualTo(5);
        assertThat(result.exceedanceDates()).containsExactly(START.plusDays(49), START.plusDays(99),
                START.plusDays(149), START.plusDays(199), START.plusDays(249));
        assertThat(result.coverage()).isCloseTo(0.98, within(1e-15));
        assertThat(result.expectedExceedances()).isCloseTo(2.5, within(1e-12));
        assertThat(result.largestExcess()).isEqualByComparingTo("700.00");
        assertThat(result.kupiec().likelihoodRatio()).isCloseTo(1.95680978823063, within(1e-6));
        assertThat(result.kupiec().pValue()).isCloseTo(0.161854917196042, within(1e-6));
        assertThat(result.light()).isEqualTo(TrafficLight.YELLOW);
        assertThat(result.currency()).isEqualTo(USD);
    }

    @Test
    void aWiderWindowKeepsTheEarlyExceedances() {
        // all 260 days: 7 exceedances; at 99 % over 260 days P(X <= 7) = 99.49 %, between 95 % and 99.99 %: yellow
        BacktestResult result = new MarginBacktest(300, 0.99).evaluate(USD, pricePath());
        assertThat(result.observations()).isEqualTo(260);
        assertThat(result.exceedances()).isEqualTo(7);
        assertThat(result.light()).isEqualTo(TrafficLight.YELLOW);
    }

    @Test
    void orderOfTheObservationsDoesNotMatter() {
        List<BacktestObservation> shuffled = new ArrayList<>(pricePath());
        Collections.shuffle(shuffled, new java.util.Random(7));
        assertThat(MarginBacktest.standard().evaluate(USD, shuffled))
                .isEqualTo(MarginBacktest.standard().evaluate(USD, pricePath()));
    }

    @Test
    void lossEqualToTheMarginIsCovered() {
        BacktestObservation equal = new BacktestObservation(START, MARGIN, new BigDecimal("-1500.00"));
        assertThat(equal.exceedance()).isFalse();
        assertThat(equal.excess()).isEqualByComparingTo("0");
        BacktestObservation aCentMore = new BacktestObservation(START, MARGIN, new BigDecimal("-1500.01"));
        assertThat(aCentMore.exceedance()).isTrue();
        assertThat(aCentMore.excess()).isEqualByComparingTo("0.01");
        // no margin and a gain: covered; no margin and any loss: exceeded
        assertThat(new BacktestObservation(START, BigDecimal.ZERO, BigDecimal.ONE).exceedance()).isFalse();
        assertThat(new BacktestObservation(START, BigDecimal.ZERO, new BigDecimal("-0.01")).exceedance()).isTrue();
    }

    @Test
    void noObservations() {
        BacktestResult result = MarginBacktest.standard().evaluate(USD, List.of());
        assertThat(result.observations()).isZero();
        assertThat(result.exceedances()).isZero();
        assertThat(result.firstDate()).isEmpty();
        assertThat(result.coverage()).isEqualTo(1.0);
        assertThat(result.kupiec().pValue()).isEqualTo(1.0);
        assertThat(result.light()).isEqualTo(TrafficLight.GREEN);
        assertThat(result.largestExcess()).isEqualByComparingTo("0");
    }

    @Test
    void refusals() {
        assertThatThrownBy(() -> new BacktestObservation(START, new BigDecimal("-0.01"), BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be negative");
        BacktestObservation day = new BacktestObservation(START, MARGIN, BigDecimal.ZERO);
        assertThatThrownBy(() -> MarginBacktest.standard().evaluate(USD, List.of(day, day)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two observations");
        assertThatThrownBy(() -> new MarginBacktest(0, 0.99))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one day");
        assertThatThrownBy(() -> new MarginBacktest(250, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 0 and 1");
    }
}
