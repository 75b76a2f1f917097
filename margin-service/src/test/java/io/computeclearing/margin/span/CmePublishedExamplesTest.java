package io.computeclearing.margin.span;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Source: the worked examples on CME Group's public "Spread Calculations" margin page
 * (https://www.cmegroup.com/clearing/margins/spread-calc.html), explained in docs/methodology.md (section
 * "The published CME examples", anchor span-cme-examples). Every expected number below is the published one.
 */
class CmePublishedExamplesTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final ScenarioGrid GRID = ScenarioGrid.cme();

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }

    private static CombinedCommodity futuresCommodity(String id, String scanRange, int arrayScale) {
        return CombinedCommodity.of(id, USD, List.of(
                SpanContract.future(id + "-F", 1, RiskArray.forFuture(GRID, bd(scanRange), arrayScale))));
    }

    private static MarginResult margin(SpanMethod method, SpanParameters parameters, Position... positions) {
        return SpanCalculator.of(method).calculate(Portfolio.of(positions), parameters, Map.of(), FxRates.none(USD),
                AccountType.MEMBER);
    }

    /**
     * Example 1, scanning style: +2 A (scan range 3,100) vs -3 B (scan range 1,600), 70% credit. Per scenario
     * {@code losing leg - 0.70 x gaining leg}; CME's arrays are in whole dollars (3,100 / 3 = 1,033; 1,600 / 3 = 533).
     */
    @Test
    void scanningStyleInterCommodityCreditReproducesCmeExample() {
        SpanParameters parameters = SpanParameters.of(
                List.of(futuresCommodity("A", "3100", 0), futuresCommodity("B", "1600", 0)),
                List.of(InterCommoditySpread.of(1,
                        InterCommoditySpread.Leg.of("A", BigDecimal.ONE, InterCommoditySpread.Side.A),
                        InterCommoditySpread.Leg.of("B", BigDecimal.ONE, InterCommoditySpread.Side.B),
                        bd("0.70"), true)));
        SpanMethod scanningStyle = SpanMethod.of(SpanMethod.InterCommodityCreditMethod.SCENARIO_OFFSET,
                SpanMethod.ShortOptionMinimumMethod.ALL_SHORT_OPTIONS);

        MarginResult result = margin(scanningStyle, parameters, Position.of("A-F", 2), Position.of("B-F", -3));

        MarginResult.CommodityRisk a = result.commodity("A").orElseThrow();
        MarginResult.CommodityRisk b = result.commodity("B").orElseThrow();
        // at -1 x range: A loses 6,200, B gains 4,800
        assertThat(a.scenarioLosses().get(12)).isEqualByComparingTo("6200");
        assertThat(b.scenarioLosses().get(12)).isEqualByComparingTo("-4800");
        // extreme legs: full move x 3 x 0.33
        assertThat(a.scenarioLosses().get(15)).isEqualByComparingTo("6138");
        assertThat(b.scenarioLosses().get(14)).isEqualByComparingTo("4752");
        // at +1/3: B loses 1,599, A gains 2,066 -> 1,599 - 1,446.20
        assertThat(a.scenarioLosses().get(2)).isEqualByComparingTo("-2066");
        assertThat(b.scenarioLosses().get(2)).isEqualByComparingTo("1599");
        MarginResult.AppliedInterSpread spread = result.interCredits().get(0);
        assertThat(spread.jointLosses().get(2)).isEqualByComparingTo("152.80");
        // the requirement: 6,200 - 0.70 x 4,800 = 2,840 in the -1 scenario
        assertThat(spread.jointActiveScenario()).isEqualTo(13);
        assertThat(spread.jointLosses().get(12)).isEqualByComparingTo("2840");
        assertThat(result.maintenanceRequirement()).isEqualByComparingTo("2840.00");
        assertThat(a.maintenanceRisk().add(b.maintenanceRisk())).isEqualByComparingTo("2840");
    }

    /**
     * Example 2, delta style: 2 contracts at 1,750 outright each vs 1 contract at 2,500, 2:1 ratio, 55% credit:
     * outright 6,000, credit (3,500 + 2,500) x 0.55 = 3,300, requirement 2,700.
     */
    @Test
    void deltaStyleInterCommodityCreditReproducesCmeExample() {
        SpanParameters parameters = SpanParameters.of(
                List.of(futuresCommodity("A", "1750", 2), futuresCommodity("B", "2500", 2)),
                List.of(InterCommoditySpread.of(1,
                        InterCommoditySpread.Leg.of("A", BigDecimal.TWO, InterCommoditySpread.Side.A),
                        InterCommoditySpread.Leg.of("B", BigDecimal.ONE, InterCommoditySpread.Side.B),
                        bd("0.55"), true)));

        MarginResult result = margin(SpanMethod.CME, parameters, Position.of("A-F", 2), Position.of("B-F", -1));

        MarginResult.CommodityRisk a = result.commodity("A").orElseThrow();
        MarginResult.CommodityRisk b = result.commodity("B").orElseThrow();
        assertThat(a.scanRisk().add(b.scanRisk())).isEqualByComparingTo("6000");
        assertThat(a.interCredit()).isEqualByComparingTo("1925"); // 3,500 x 0.55
        assertThat(b.interCredit()).isEqualByComparingTo("1375"); // 2,500 x 0.55
        assertThat(a.interCredit().add(b.interCredit())).isEqualByComparingTo("3300");
        assertThat(result.interCredits().get(0).spreads()).isEqualByComparingTo("1");
        assertThat(result.maintenanceRequirement()).isEqualByComparingTo("2700.00");
    }

    /**
     * Example 3, calendar spreads with tiered outrights: months 2 and 3 outright 500, month 4 outright 750; intra
     * charge M2/M3 200, M2/M4 50, M3/M4 0. Interpretation: each month is a tier whose futures carry a risk array with
     * the tier's own outright scan range, so scanning charges the outright difference (750 - 500 = 250) and the intra
     * spread adds its flat rate.
     */
    private static SpanParameters calendar() {
        CombinedCommodity commodity = CombinedCommodity.of("GPU", USD, List.of(
                SpanContract.future("M2", 2, RiskArray.forFuture(GRID, bd("500"), 2)),
                SpanContract.future("M3", 3, RiskArray.forFuture(GRID, bd("500"), 2)),
                SpanContract.future("M4", 4, RiskArray.forFuture(GRID, bd("750"), 2))))
                .withIntraSpreads(List.of(
                        IntraCommoditySpread.of(1, 2, 3, bd("200")),
                        IntraCommoditySpread.of(2, 2, 4, bd("50")),
                        IntraCommoditySpread.of(3, 3, 4, bd("0"))));
        return SpanParameters.of(commodity);
    }

    @Test
    void calendarSpreadM2M3CostsTheIntraRate() {
        MarginResult result = margin(SpanMethod.CME, calendar(), Position.of("M2", 1), Position.of("M3", -1));
        assertThat(result.commodity("GPU").orElseThrow().scanRisk()).isEqualByComparingTo("0");
        assertThat(result.commodity("GPU").orElseThrow().intraCharge()).isEqualByComparingTo("200");
        assertThat(result.maintenanceRequirement()).isEqualByComparingTo("200.00");
    }

    @Test
    void calendarSpreadM2M4CostsTheOutrightDifferencePlusTheIntraRate() {
        MarginResult result = margin(SpanMethod.CME, calendar(), Position.of("M2", 1), Position.of("M4", -1));
        assertThat(result.commodity("GPU").orElseThrow().scanRisk()).isEqualByComparingTo("250");
        assertThat(result.commodity("GPU").orElseThrow().intraCharge()).isEqualByComparingTo("50");
        assertThat(result.maintenanceRequirement()).isEqualByComparingTo("300.00");
    }

    @Test
    void calendarSpreadM3M4CostsTheOutrightDifference() {
        MarginResult result = margin(SpanMethod.CME, calendar(), Position.of("M3", 1), Position.of("M4", -1));
        assertThat(result.maintenanceRequirement()).isEqualByComparingTo("250.00");
    }

    @Test
    void calendarOutrightsAreTheTierScanRanges() {
        assertThat(margin(SpanMethod.CME, calendar(), Position.of("M2", 1)).maintenanceRequirement())
                .isEqualByComparingTo("500.00");
        assertThat(margin(SpanMethod.CME, calendar(), Position.of("M4", -1)).maintenanceRequirement())
                .isEqualByComparingTo("750.00");
    }
}
