package io.computeclearing.risk.defaults;

import io.computeclearing.risk.defaults.BidRealisation.Line;
import io.computeclearing.risk.defaults.BidRealisation.Priced;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Realising a winning bid through transfer prices, computed by hand. The lot: 3 contracts long of A (settlement
 * 2.100) and 2 short of B (settlement 1.950), 1,000 units per contract: N = 5 contracts.
 */
class BidRealisationTest {

    private static final BigDecimal UNIT = new BigDecimal("1000");
    private static final List<Line> LOT = List.of(
            new Line("D-H", "A", 3, new BigDecimal("2.100"), UNIT),
            new Line("D-H", "B", -2, new BigDecimal("1.950"), UNIT));

    @Test
    void theCentsThatDoNotDivideGoOneEachToTheFirstContracts() {
        // 1,000.03 / 5 = 200.00 each, 3 cents left: the 3 contracts of A get 200.01, B's two 200.00.
        // A long at 2.100 - 200.01 / 1000 = 1.89999; B short at 1.950 + 200.00 / 1000 = 2.15.
        List<Priced> legs = BidRealisation.realise(new BigDecimal("1000.03"), LOT);
        assertThat(legs).extracting(Priced::quantity).containsExactly(3L, -2L);
        assertThat(legs).extracting(p -> p.price().toPlainString()).containsExactly("1.89999", "2.15");
        assertThat(legs).extracting(p -> p.value().toPlainString()).containsExactly("600.03", "400.00");
        assertValuesAddUpTo(legs, "1000.03");
    }

    @Test
    void aLegWhoseContractsGetTwoAmountsIsSplit() {
        // 1,000.04: 4 cents left, so A's 3 contracts and the first of B's get 200.01: B splits into one short at
        // 1.950 + 0.20001 = 2.15001 and one at 2.15.
        List<Priced> legs = BidRealisation.realise(new BigDecimal("1000.04"), LOT);
        assertThat(legs).extracting(Priced::quantity).containsExactly(3L, -1L, -1L);
        assertThat(legs).extracting(p -> p.price().toPlainString()).containsExactly("1.89999", "2.15001", "2.15");
        assertValuesAddUpTo(legs, "1000.04");
    }

    @Test
    void aNegativeBidMovesPricesTheOtherWay() {
        // The winner pays 50.01: -50.01 / 5 = -10.00 each (truncated towards zero), one cent left: the first
        // contract of A is worth -10.01 (bought at 2.100 + 0.01001 = 2.11001), A's other two at 2.11, B's two sold
        // at 1.950 - 0.01 = 1.94.
        List<Priced> legs = BidRealisation.realise(new BigDecimal("-50.01"), LOT);
        assertThat(legs).extracting(Priced::quantity).containsExactly(1L, 2L, -2L);
        assertThat(legs).extracting(p -> p.price().toPlainString()).containsExactly("2.11001", "2.11", "1.94");
        assertValuesAddUpTo(legs, "-50.01");
    }

    @Test
    void aZeroBidHandsTheLotOverAtSettlement() {
        List<Priced> legs = BidRealisation.realise(new BigDecimal("0.00"), LOT);
        assertThat(legs).extracting(p -> p.price().toPlainString()).containsExactly("2.1", "1.95");
        assertValuesAddUpTo(legs, "0.00");
    }

    @Test
    void onlyUnitsACentDividesExactlyCanBeRealised() {
        assertThat(BidRealisation.realisable(new BigDecimal("1000"))).isTrue();
        assertThat(BidRealisation.realisable(new BigDecimal("0.5"))).isTrue();
        assertThat(BidRealisation.realisable(new BigDecimal("3"))).isFalse();
    }

    /** Each leg's value is quantity x (settlement - price) x unit, and together they are the bid to the cent. */
    private static void assertValuesAddUpTo(List<Priced> legs, String bid) {
        BigDecimal total = BigDecimal.ZERO;
        for (Priced leg : legs) {
            BigDecimal value = BigDecimal.valueOf(leg.quantity())
                    .multiply(leg.line().settlementPrice().subtract(leg.price())).multiply(leg.line().contractUnit());
            assertThat(value).isEqualByComparingTo(leg.value());
            total = total.add(value);
        }
        assertThat(total).isEqualByComparingTo(bid);
    }
}
