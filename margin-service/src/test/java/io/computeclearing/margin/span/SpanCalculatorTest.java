package io.computeclearing.margin.span;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import static io.computeclearing.margin.span.Black76.OptionType.CALL;
import static io.computeclearing.margin.span.Black76.OptionType.PUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpanCalculatorTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final ScenarioGrid GRID = ScenarioGrid.cme();
    private static final SpanCalculator CME = SpanCalculator.cme();

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }

    private static RiskArray flat(String loss, String delta) {
        return RiskArray.of(Collections.nCopies(16, bd(loss)), bd(delta));
    }

    private static SpanContract future(String id, int tier, String range) {
        return SpanContract.future(id, tier, RiskArray.forFuture(GRID, bd(range), 2));
    }

    private static MarginResult margin(SpanCalculator calculator, SpanParameters parameters,
            Map<String, BigDecimal> optionValues, Position... positions) {
        return calculator.calculate(Portfolio.of(positions), parameters, optionValues, FxRates.none(USD),
                AccountType.MEMBER);
    }

    /** Far out-of-the-money options: each short loses 3 in every scenario, worth 4 at settlement. */
    private static SpanParameters shortOptions() {
        return SpanParameters.of(CombinedCommodity.of("H100", USD, List.of(
                        SpanContract.option("H100-C", 1, CALL, flat("-3", "0.10")),
                        SpanContract.option("H100-P", 1, PUT, flat("-3", "-0.10"))))
                .withShortOptionMinimumRate(bd("50")));
    }

    @Test
    void shortOptionMinimumAppliesWhenScanningIsSmaller() {
        MarginResult result = margin(CME, shortOptions(), Map.of("H100-C", bd("4")), Position.of("H100-C", -2));

        MarginResult.CommodityRisk risk = result.commodity("H100").orElseThrow();
        assertThat(risk.scanRisk()).isEqualByComparingTo("6");
        assertThat(risk.shortOptionMinimum()).isEqualByComparingTo("100");
        assertThat(risk.maintenanceRisk()).isEqualByComparingTo("100");
        // short options are a negative net option value: 100 - (-8)
        assertThat(result.netOptionValue()).isEqualByComparingTo("-8.00");
        assertThat(result.maintenanceRequirement()).isEqualByComparingTo("108.00");
    }

    @Test
    void shortOptionMinimumCountsAStrangleOnceUnderTheMaxMethod() {
        Map<String, BigDecimal> values = Map.of("H100-C", bd("4"), "H100-P", bd("4"));
        Position[] strangle = {Position.of("H100-C", -2), Position.of("H100-P", -1)};

        assertThat(margin(CME, shortOptions(), values, strangle).commodity("H100").orElseThrow()
                .shortOptionMinimum()).isEqualByComparingTo("150");
        SpanCalculator max = SpanCalculator.of(SpanMethod.of(
                SpanMethod.InterCommodityCreditMethod.DELTA_WEIGHTED_PRICE_RISK,
                SpanMethod.ShortOptionMinimumMethod.MAX_OF_SHORT_CALLS_AND_PUTS));
        assertThat(margin(max, shortOptions(), values, strangle).commodity("H100").orElseThrow()
                .shortOptionMinimum()).isEqualByComparingTo("100");
    }

    @Test
    void netOptionValueLowersTheRequirement() {
        List<BigDecimal> losses = new java.util.ArrayList<>(Collections.nCopies(16, bd("50")));
        losses.set(13, bd("300"));
        SpanParameters parameters = SpanParameters.of(CombinedCommodity.of("H100", USD, List.of(
                SpanContract.option("H100-C", 1, CALL, RiskArray.of(losses, bd("0.5"))))));

        MarginResult result = margin(CME, parameters, Map.of("H100-C", bd("120")), Position.of("H100-C", 1));

        assertThat(result.commodity("H100").orElseThrow().scanRisk()).isEqualByComparingTo("300");
        assertThat(result.commodity("H100").orElseThrow().activeScenario()).isEqualTo(14);
        assertThat(result.netOptionValue()).isEqualByComparingTo("120.00");
        assertThat(result.maintenanceRequirement()).isEqualByComparingTo("180.00");
    }

    @Test
    void longOptionRequirementFloorsAtZero() {
        // Black-76 call F = K = 2.60: premium 177.62 per contract, worst loss 139.62 (scenario 14)
        RiskArray call = RiskArray.forOption(GRID, OptionTerms.of(CALL, 2.60, 2.60, 30.0 / 365, 0.04, 0.60),
                bd("0.30"), bd("0.10"), bd("1000"), 2);
        SpanParameters parameters = SpanParameters.of(CombinedCommodity.of("H100", USD, List.of(
                SpanContract.option("H100-C", 1, CALL, call))));

        MarginResult result = margin(CME, parameters, Map.of("H100-C", bd("177.62")), Position.of("H100-C", 1));

        assertThat(result.commodity("H100").orElseThrow().scanRisk()).isEqualByComparingTo("139.62");
        assertThat(result.commodity("H100").orElseThrow().netDelta()).isEqualByComparingTo("0.5279");
        assertThat(result.maintenanceRequirement()).isEqualByComparingTo("0.00");
        assertThat(result.initialRequirement()).isEqualByComparingTo("0.00");
    }

    @Test
    void convertsACnyCommodityIntoAUsdAccountRoundingUp() {
        SpanParameters parameters = SpanParameters.of(
                CombinedCommodity.of("TOKEN-CN", CNY, List.of(future("TOK-CN", 1, "1234.57"))),
                CombinedCommodity.of("H100", USD, List.of(future("H100-F", 1, "500"))));
        FxRates fx = FxRates.of(USD, Map.of(CNY, bd("0.1381")));

        MarginResult result = CME.calculate(Portfolio.of(Position.of("TOK-CN", 1), Position.of("H100-F", 1)),
                parameters, Map.of(), fx, AccountType.MEMBER);

        // 1,234.57 CNY x 0.1381 = 170.494117 USD; + 500 USD = 670.494117, rounded UP to 670.50
        assertThat(result.currency(CNY).orElseThrow().maintenanceRisk()).isEqualByComparingTo("1234.57");
        assertThat(result.currency(USD).orElseThrow().maintenanceRisk()).isEqualByComparingTo("500");
        assertThat(result.accountCurrency()).isEqualTo(USD);
        assertThat(result.maintenanceRequirement()).isEqualByComparingTo("670.50");
        assertThat(result.maintenanceRequirement().scale()).isEqualTo(2);

        assertThatThrownBy(() -> CME.calculate(Portfolio.of(Position.of("TOK-CN", 1)), parameters, Map.of(),
                FxRates.none(USD), AccountType.MEMBER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no FX rate from CNY");
    }

    @Test
    void initialIsMaintenanceTimesTheAccountTypeRatio() {
        SpanParameters parameters = SpanParameters.of(CombinedCommodity.of("H100", USD,
                        List.of(future("H100-F", 1, "500")))
                .withInitialToMaintenance(Map.of(AccountType.SPECULATOR, bd("1.10"))));
        Portfolio portfolio = Portfolio.of(Position.of("H100-F", 1));

        MarginResult speculator = CME.calculate(portfolio, parameters, Map.of(), FxRates.none(USD),
                AccountType.SPECULATOR);
        MarginResult hedger = CME.calculate(portfolio, parameters, Map.of(), FxRates.none(USD), AccountType.HEDGER);

        assertThat(speculator.maintenanceRequirement()).isEqualByComparingTo("500.00");
        assertThat(speculator.initialRequirement()).isEqualByComparingTo("550.00");
        assertThat(hedger.initialRequirement()).isEqualByComparingTo("500.00");
    }

    @Test
    void spotMonthChargesSpreadAndOutrightDeltaInTheDeliveryMonth() {
        SpanParameters parameters = SpanParameters.of(CombinedCommodity.of("H100", USD, List.of(
                        future("M1", 1, "500"), future("M2", 2, "500")))
                .withIntraSpreads(List.of(IntraCommoditySpread.of(1, 1, 2, bd("100"))))
                .withSpotMonthCharges(List.of(SpotMonthCharge.of(1, bd("10"), bd("25")))));

        MarginResult result = margin(CME, parameters, Map.of(), Position.of("M1", 2), Position.of("M2", -1));

        MarginResult.CommodityRisk risk = result.commodity("H100").orElseThrow();
        assertThat(risk.scanRisk()).isEqualByComparingTo("500");
        assertThat(risk.intraCharge()).isEqualByComparingTo("100");
        // 1 delta spread x 10 + 1 delta outright x 25
        assertThat(risk.spotCharge()).isEqualByComparingTo("35");
        assertThat(result.maintenanceRequirement()).isEqualByComparingTo("635.00");
    }

    private static SpanParameters deltaSpread(boolean blockedInDelivery, boolean aInDelivery) {
        CombinedCommodity a = CombinedCommodity.of("A", USD, List.of(future("A-F", 1, "1750")));
        if (aInDelivery) {
            a = a.withSpotMonthCharges(List.of(SpotMonthCharge.of(1, BigDecimal.ZERO, BigDecimal.ZERO)));
        }
        return SpanParameters.of(List.of(a, CombinedCommodity.of("B", USD, List.of(future("B-F", 1, "2500")))),
                List.of(InterCommoditySpread.of(1,
                        InterCommoditySpread.Leg.of("A", BigDecimal.TWO, InterCommoditySpread.Side.A),
                        InterCommoditySpread.Leg.of("B", BigDecimal.ONE, InterCommoditySpread.Side.B),
                        bd("0.55"), blockedInDelivery)));
    }

    @Test
    void aLegInItsDeliveryMonthBlocksTheInterCommodityCredit() {
        Position[] positions = {Position.of("A-F", 2), Position.of("B-F", -1)};
        assertThat(margin(CME, deltaSpread(true, true), Map.of(), positions).maintenanceRequirement())
                .isEqualByComparingTo("6000.00");
        assertThat(margin(CME, deltaSpread(false, true), Map.of(), positions).maintenanceRequirement())
                .isEqualByComparingTo("2700.00");
    }

    @Test
    void legsInTheSameDirectionGetNoInterCommodityCredit() {
        MarginResult result = margin(CME, deltaSpread(true, false), Map.of(), Position.of("A-F", 2),
                Position.of("B-F", 1));
        assertThat(result.interCredits()).isEmpty();
        assertThat(result.maintenanceRequirement()).isEqualByComparingTo("6000.00");
    }

    @Test
    void compositeDeltaOfFuturesIsOnePerContractAndActiveScenarioIsReported() {
        SpanParameters parameters = SpanParameters.of(CombinedCommodity.of("H100", USD,
                List.of(future("H100-F", 1, "500"))));

        MarginResult longs = margin(CME, parameters, Map.of(), Position.of("H100-F", 3));
        MarginResult shorts = margin(CME, parameters, Map.of(), Position.of("H100-F", -3));

        assertThat(longs.commodity("H100").orElseThrow().netDelta()).isEqualByComparingTo("3");
        assertThat(longs.commodity("H100").orElseThrow().activeScenario()).isEqualTo(13);
        assertThat(shorts.commodity("H100").orElseThrow().activeScenario()).isEqualTo(11);
        assertThat(shorts.maintenanceRequirement()).isEqualByComparingTo("1500.00");
    }

    @Test
    void futuresAtNegativePricesAreMarginedOnTheirPriceMoves() {
        SpanParameters parameters = SpanParameters.of(CombinedCommodity.of("H100", USD, List.of(SpanContract.future(
                "H100-F", 1, RiskArray.forFuture(GRID, bd("-0.30"), bd("0.45"), bd("1000"), 2)))));

        assertThat(margin(CME, parameters, Map.of(), Position.of("H100-F", 2)).maintenanceRequirement())
                .isEqualByComparingTo("900.00");
    }

    @Test
    void flatPortfolioNeedsNoMargin() {
        SpanParameters parameters = SpanParameters.of(CombinedCommodity.of("H100", USD,
                List.of(future("H100-F", 1, "500"))));

        MarginResult result = margin(CME, parameters, Map.of(), Position.of("H100-F", 2), Position.of("H100-F", -2));

        assertThat(result.commodities()).isEmpty();
        assertThat(result.maintenanceRequirement()).isEqualByComparingTo("0.00");
    }

    @Test
    void refusesUnknownContractsAndOptionsWithoutValue() {
        assertThatThrownBy(() -> margin(CME, shortOptions(), Map.of(), Position.of("B200-F", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("B200-F");
        assertThatThrownBy(() -> margin(CME, shortOptions(), Map.of(), Position.of("H100-C", -1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no option value for H100-C");
    }

    @Test
    void refusesInconsistentParameters() {
        assertThatThrownBy(() -> IntraCommoditySpread.of(1, 2, 2, bd("10")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpanParameters.of(
                CombinedCommodity.of("A", USD, List.of(future("X", 1, "1"))),
                CombinedCommodity.of("B", USD, List.of(future("X", 1, "1")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X");
        assertThatThrownBy(() -> CombinedCommodity.of("A", USD, List.of(future("X", 1, "1")))
                .withInitialToMaintenance(Map.of(AccountType.SPECULATOR, bd("0.9"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void weightedPriceRiskExcludesTimeAndVolatilityRisk() {
        // A: option-like array, scenario 13 = 1,000, its pair 14 = 800, scenarios 1/2 = 20/40, delta 0.5 each.
        // Long 2: scan 2,000 (scenario 13); time risk (40 + 80) / 2 = 60; volatility risk (2,000 - 1,600) / 2 = 200;
        // price risk 1,740 over |delta| 1: WPR 1,740. B: short 1 future, range 1,000: WPR 1,000.
        // One 1:1 spread at 50%: credits 870 and 500; requirement 2,000 + 1,000 - 1,370 = 1,630.
        List<BigDecimal> losses = new java.util.ArrayList<>(Collections.nCopies(16, BigDecimal.ZERO));
        losses.set(0, bd("20"));
        losses.set(1, bd("40"));
        losses.set(12, bd("1000"));
        losses.set(13, bd("800"));
        SpanParameters parameters = SpanParameters.of(List.of(
                        CombinedCommodity.of("A", USD, List.of(SpanContract.option("A-C", 1, CALL,
                                RiskArray.of(losses, bd("0.5"))))),
                        CombinedCommodity.of("B", USD, List.of(future("B-F", 1, "1000")))),
                List.of(InterCommoditySpread.of(1,
                        InterCommoditySpread.Leg.of("A", BigDecimal.ONE, InterCommoditySpread.Side.A),
                        InterCommoditySpread.Leg.of("B", BigDecimal.ONE, InterCommoditySpread.Side.B),
                        bd("0.50"), true)));

        MarginResult result = margin(CME, parameters, Map.of("A-C", BigDecimal.ZERO), Position.of("A-C", 2),
                Position.of("B-F", -1));

        assertThat(result.commodity("A").orElseThrow().interCredit()).isEqualByComparingTo("870");
        assertThat(result.commodity("B").orElseThrow().interCredit()).isEqualByComparingTo("500");
        assertThat(result.maintenanceRequirement()).isEqualByComparingTo("1630.00");
    }

    @Test
    void intraSpreadsAreFormedInPriorityOrderAndConsumeDelta() {
        // +2 M1 -1 M2 -1 M3: M1/M2 (priority 1, 100) then M1/M3 (priority 2, 50); M2/M3 legs have the same sign
        SpanParameters parameters = SpanParameters.of(CombinedCommodity.of("H100", USD, List.of(
                        future("M1", 1, "500"), future("M2", 2, "500"), future("M3", 3, "500")))
                .withIntraSpreads(List.of(
                        IntraCommoditySpread.of(3, 2, 3, bd("1000")),
                        IntraCommoditySpread.of(2, 1, 3, bd("50")),
                        IntraCommoditySpread.of(1, 1, 2, bd("100")))));

        MarginResult result = margin(CME, parameters, Map.of(), Position.of("M1", 2), Position.of("M2", -1),
                Position.of("M3", -1));

        assertThat(result.commodity("H100").orElseThrow().scanRisk()).isEqualByComparingTo("0");
        assertThat(result.commodity("H100").orElseThrow().intraCharge()).isEqualByComparingTo("150");
        assertThat(result.maintenanceRequirement()).isEqualByComparingTo("150.00");
    }
}
