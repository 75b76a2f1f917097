package io.computeclearing.risk.fund;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Members' contributions: a minimum plus a pro rata share, to the cent, against numbers computed by hand. */
class ContributionAllocationTest {

    static final Currency USD = Currency.getInstance("USD");

    @Test
    void equalMembersShareByLargestRemainderInMemberOrder() {
        // 100.00 = 10,000 cents / 3 = 3,333 1/3 each: 3 x 3,333 = 9,999, the cent left goes to the first id.
        // (Rounding each share half-up would give 3 x 33.33 = 99.99.)
        FundAllocation allocation = allocation("0").allocate(new BigDecimal("100.00"),
                List.of(member("C", "1"), member("A", "1"), member("B", "1")));
        assertThat(amounts(allocation)).containsExactly("A=33.34", "B=33.33", "C=33.33");
        assertThat(allocation.fund()).isEqualTo(new BigDecimal("100.00"));
    }

    @Test
    void leftoverCentsGoToTheLargestFractionsNotTheLargestMembers() {
        // fund 1,000.00, minimum 100.00 each: rest 700.00 = 70,000 cents by measures 7 : 5 : 1 (sum 13)
        //   A 70,000 x 7/13 = 37,692.307...  B 70,000 x 5/13 = 26,923.076...  C 70,000 x 1/13 = 5,384.615...
        //   whole cents 37,692 + 26,923 + 5,384 = 69,999; the one cent left goes to C (.615 is the largest fraction)
        //   A = 100.00 + 376.92 = 476.92, B = 100.00 + 269.23 = 369.23, C = 100.00 + 53.85 = 153.85; sum 1,000.00
        FundAllocation allocation = allocation("100.00").allocate(new BigDecimal("1000.00"),
                List.of(member("A", "7"), member("B", "5"), member("C", "1")));
        assertThat(amounts(allocation)).containsExactly("A=476.92", "B=369.23", "C=153.85");
        Contribution c = allocation.of("C").orElseThrow();
        assertThat(c.minimum()).isEqualTo(new BigDecimal("100.00"));
        assertThat(c.proRata()).isEqualTo(new BigDecimal("53.85"));
        assertThat(c.measure()).isEqualByComparingTo("1");
    }

    @Test
    void fundWithMinimumAndAverageInitialMarginsAddsUpExactly() {
        // fund 12,500,000.00, minimum 250,000.00 x 4 = 1,000,000.00, rest 11,500,000.00 = 1,150,000,000 cents by
        // average initial margins A 1,234,567.89, B 2,345,678.90, C 345,678.91, D 0 (sum 3,925,925.70):
        //   A 1,150,000,000 x 1,234,567.89 / 3,925,925.70 = 361,635,237.6459...
        //   B 1,150,000,000 x 2,345,678.90 / 3,925,925.70 = 687,106,924.8712...
        //   C 1,150,000,000 x   345,678.91 / 3,925,925.70 = 101,257,837.4827...
        //   whole cents add up to 1,149,999,998: the 2 cents left go to B (.87) and A (.65), not C (.48)
        //   A 3,866,352.38, B 7,121,069.25, C 1,262,578.37, D 250,000.00; sum 12,500,000.00
        FundAllocation allocation = allocation("250000.00").allocate(new BigDecimal("12500000.00"), List.of(
                member("A", "1234567.89"), member("B", "2345678.90"), member("C", "345678.91"), member("D", "0")));
        assertThat(amounts(allocation))
                .containsExactly("A=3866352.38", "B=7121069.25", "C=1262578.37", "D=250000.00");
    }

    @Test
    void equalRemaindersGoInStringOrderOfMemberIds() {
        // 0.05 = 5 cents / 3 = 1 2/3 each: 3 whole cents, 2 left for the first two ids in string order M1 < M10 < M2
        FundAllocation allocation = allocation("0").allocate(new BigDecimal("0.05"),
                List.of(member("M2", "4"), member("M10", "4"), member("M1", "4")));
        assertThat(amounts(allocation)).containsExactly("M1=0.02", "M10=0.02", "M2=0.01");
        // 0.03 over six equal members: half a cent each; half-up would hand out 0.06, largest remainder 0.03
        FundAllocation halves = allocation("0").allocate(new BigDecimal("0.03"), List.of(member("F", "1"),
                member("E", "1"), member("D", "1"), member("C", "1"), member("B", "1"), member("A", "1")));
        assertThat(amounts(halves)).containsExactly("A=0.01", "B=0.01", "C=0.01", "D=0.00", "E=0.00", "F=0.00");
    }

    @Test
    void withoutAnyRiskTheRestIsSharedEqually() {
        // nobody had an uncovered loss: 301.00 - 3 x 100.00 = 1.00 = 100 cents / 3 -> 34, 33, 33
        FundAllocation allocation = allocation("100.00").allocate(new BigDecimal("301.00"),
                List.of(member("A", "0"), member("B", "0.00"), member("C", "0")));
        assertThat(amounts(allocation)).containsExactly("A=100.34", "B=100.33", "C=100.33");
    }

    @Test
    void memberWithoutRiskPaysTheMinimumOnly() {
        FundAllocation allocation = allocation("10.00").allocate(new BigDecimal("120.00"),
                List.of(member("A", "3"), member("B", "0")));
        assertThat(amounts(allocation)).containsExactly("A=110.00", "B=10.00");
    }

    @Test
    void fundOfExactlyTheMinimumsLeavesNoRest() {
        FundAllocation allocation = allocation("50.00").allocate(new BigDecimal("100.00"),
                List.of(member("A", "3"), member("B", "1")));
        assertThat(amounts(allocation)).containsExactly("A=50.00", "B=50.00");
    }

    @Test
    void zeroFundAndEmptyMembership() {
        assertThat(amounts(allocation("0").allocate(BigDecimal.ZERO, List.of(member("A", "5")))))
                .containsExactly("A=0.00");
        FundAllocation empty = allocation("0").allocate(BigDecimal.ZERO, List.of());
        assertThat(empty.contributions()).isEmpty();
        assertThat(empty.fund()).isEqualTo(new BigDecimal("0.00"));
        assertThatThrownBy(() -> allocation("0").allocate(new BigDecimal("1.00"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no member");
    }

    @Test
    void refusals() {
        assertThatThrownBy(() -> allocation("0").allocate(new BigDecimal("-0.01"), List.of(member("A", "1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fund cannot be negative");
        assertThatThrownBy(() -> allocation("0").allocate(new BigDecimal("1.005"), List.of(member("A", "1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more decimals than USD");
        assertThatThrownBy(() -> allocation("60.00").allocate(new BigDecimal("100.00"),
                List.of(member("A", "1"), member("B", "1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("below 2 members");
        assertThatThrownBy(() -> allocation("0").allocate(new BigDecimal("1.00"),
                List.of(member("A", "1"), member("A", "2"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> member("A", "-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative risk measure");
        assertThatThrownBy(() -> allocation("-1.00"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be negative");
        assertThatThrownBy(() -> allocation("0.001"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more decimals");
        FundSize cny = new FundSize(Currency.getInstance("CNY"), BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ONE,
                BigDecimal.ZERO, new BigDecimal("1.00"), false);
        assertThatThrownBy(() -> allocation("0").allocate(cny, List.of(member("A", "1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CNY");
    }

    @Test
    void sizedFundIsAllocatedInItsCurrency() {
        FundSize size = new DefaultFundSizing(new FundSizingPolicy(USD, new BigDecimal("0.10"), BigDecimal.ZERO))
                .size(new BigDecimal("909.09")); // x 1.10 = 999.999 -> 1,000.00
        assertThat(amounts(allocation("0").allocate(size, List.of(member("A", "1"), member("B", "3")))))
                .containsExactly("A=250.00", "B=750.00");
    }

    @Test
    void averagesOverThePeriodAreExactTo34Digits() {
        // (100 + 200 + 301) / 3 = 200.333...
        MemberRiskMeasure measure = MemberRiskMeasure.average("A", List.of(new BigDecimal("100"),
                new BigDecimal("200"), new BigDecimal("301")));
        assertThat(measure.measure()).isEqualTo(new BigDecimal("601").divide(new BigDecimal("3"),
                MathContext.DECIMAL128));
        assertThatThrownBy(() -> MemberRiskMeasure.average("A", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no daily values");
        // such a measure allocates like any other: 1 : 200.333... of 10.00
        assertThat(amounts(allocation("0").allocate(new BigDecimal("10.00"),
                List.of(measure, member("B", "1"))))).containsExactly("A=9.95", "B=0.05");
    }

    @Test
    void everyAllocationAddsUpAndStaysWithinACentOfItsExactShare() {
        Random random = new Random(12);
        for (int round = 0; round < 500; round++) {
            int members = 1 + random.nextInt(12);
            BigDecimal minimum = BigDecimal.valueOf(random.nextInt(1000), 2);
            List<MemberRiskMeasure> measures = new ArrayList<>();
            for (int i = 0; i < members; i++) {
                measures.add(member("M" + i, BigDecimal.valueOf(random.nextLong(0, 1_000_000_000L),
                        random.nextInt(4)).toPlainString()));
            }
            BigDecimal fund = minimum.multiply(BigDecimal.valueOf(members))
                    .add(BigDecimal.valueOf(random.nextLong(0, 100_000_000L), 2));
            FundAllocation allocation = allocation(minimum.toPlainString()).allocate(fund, measures);
            BigDecimal rest = fund.subtract(minimum.multiply(BigDecimal.valueOf(members)));
            BigDecimal total = measures.stream().map(MemberRiskMeasure::measure).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
            assertThat(allocation.contributions().stream().map(Contribution::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(fund);
            for (Contribution c : allocation.contributions()) {
                BigDecimal exact = total.signum() == 0 ? rest.divide(BigDecimal.valueOf(members),
                        MathContext.DECIMAL128) : rest.multiply(c.measure()).divide(total, MathContext.DECIMAL128);
                assertThat(c.proRata().subtract(exact).abs()).isLessThan(new BigDecimal("0.01"));
                assertThat(c.amount().scale()).isEqualTo(2);
            }
        }
    }

    private static ContributionAllocation allocation(String minimum) {
        return new ContributionAllocation(USD, new BigDecimal(minimum));
    }

    private static MemberRiskMeasure member(String id, String measure) {
        return new MemberRiskMeasure(id, new BigDecimal(measure));
    }

    private static List<String> amounts(FundAllocation allocation) {
        return allocation.contributions().stream().map(c -> c.memberId() + "=" + c.amount().toPlainString())
                .toList();
    }
}
