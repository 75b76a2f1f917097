package io.computeclearing.margin.span;

import io.computeclearing.margin.span.bench.DefaultCatalogue;
import io.computeclearing.margin.span.bench.SyntheticBook;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calculator adds {@code quantity x risk array} in exact long arithmetic on unscaled values and skips dividing by
 * one-to-one spread ratios. These tests hold it against an independent {@code BigDecimal} computation, account by
 * account, and check that it falls back to {@code BigDecimal} when longs would overflow or scales differ.
 */
class ScanningFastPathTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final BigDecimal CNY_IN_USD = new BigDecimal("0.14");

    @Test
    void fastScanningEqualsExactBigDecimalComputationForTwoThousandAccounts() {
        SpanParameters parameters = DefaultCatalogue.spanParameters();
        SyntheticBook book = SyntheticBook.of(2_000, 20, 7L);
        FxRates fx = FxRates.of(USD, Map.of(CNY, CNY_IN_USD));
        SpanCalculator calculator = SpanCalculator.cme();

        for (int a = 0; a < book.size(); a++) {
            Portfolio portfolio = book.portfolios().get(a);
            AccountType type = book.accountTypes().get(a);
            MarginResult result = calculator.calculate(portfolio, parameters, Map.of(), fx, type);

            BigDecimal maintenance = BigDecimal.ZERO;
            BigDecimal initial = BigDecimal.ZERO;
            for (CombinedCommodity cc : parameters.commodities()) {
                BigDecimal[] losses = new BigDecimal[ScenarioGrid.SIZE];
                Arrays.fill(losses, BigDecimal.ZERO);
                BigDecimal longDelta = BigDecimal.ZERO;
                BigDecimal shortDelta = BigDecimal.ZERO;
                boolean held = false;
                for (SpanContract c : cc.contracts()) {
                    long qty = portfolio.quantity(c.contractId());
                    if (qty == 0) {
                        continue;
                    }
                    held = true;
                    for (int s = 0; s < ScenarioGrid.SIZE; s++) {
                        losses[s] = losses[s].add(BigDecimal.valueOf(qty).multiply(c.riskArray().loss(s + 1)));
                    }
                    BigDecimal delta = BigDecimal.valueOf(qty).multiply(c.riskArray().compositeDelta());
                    if (qty > 0) {
                        longDelta = longDelta.add(delta);
                    } else {
                        shortDelta = shortDelta.add(delta.negate());
                    }
                }
                if (!held) {
                    assertThat(result.commodity(cc.id())).isEmpty();
                    continue;
                }
                BigDecimal worst = Collections.max(List.of(losses));
                BigDecimal scan = worst.max(BigDecimal.ZERO);
                // Every pair of months may spread one to one at one flat rate, so the spreads formed in any priority
                // order are min(long delta, short delta).
                BigDecimal intra = longDelta.min(shortDelta).multiply(cc.intraSpreads().get(0).chargeRate());
                MarginResult.CommodityRisk risk = result.commodity(cc.id()).orElseThrow();
                assertThat(risk.scenarioLosses()).as("scenario losses of %s in account %d", cc.id(), a)
                        .containsExactly(losses);
                assertThat(risk.scanRisk()).isEqualByComparingTo(scan);
                assertThat(risk.intraCharge()).as("intra charge of %s in account %d", cc.id(), a)
                        .isEqualByComparingTo(intra);
                BigDecimal commodityRisk = scan.add(intra);
                BigDecimal rate = cc.currency().equals(CNY) ? CNY_IN_USD : BigDecimal.ONE;
                maintenance = maintenance.add(commodityRisk.multiply(rate));
                initial = initial.add(commodityRisk.multiply(cc.initialToMaintenance(type)).multiply(rate));
            }
            assertThat(result.maintenanceRequirement())
                    .isEqualTo(maintenance.max(BigDecimal.ZERO).setScale(2, RoundingMode.UP));
            assertThat(result.initialRequirement())
                    .isEqualTo(initial.max(BigDecimal.ZERO).setScale(2, RoundingMode.UP));
        }
    }

    @Test
    void scanningFallsBackToBigDecimalWhenLongsWouldOverflow() {
        // 650.00 per contract scan range: the -1 x range scenario loses 650.00 per long contract.
        SpanContract future = SpanContract.future("GH100-202701", 1,
                RiskArray.forFuture(ScenarioGrid.cme(), new BigDecimal("650.00"), 2));
        SpanParameters parameters = SpanParameters.of(CombinedCommodity.of("GH100", USD, List.of(future)));
        long huge = 1_000_000_000_000_000L; // 65,000 x 10^15 in cents overflows a long

        MarginResult result = SpanCalculator.cme().calculate(Portfolio.of(Position.of("GH100-202701", huge)),
                parameters, Map.of(), FxRates.none(USD), AccountType.MEMBER);

        assertThat(result.commodity("GH100").orElseThrow().scanRisk())
                .isEqualByComparingTo(new BigDecimal("650000000000000000.00"));
    }

    @Test
    void scanningAddsArraysOfDifferentScalesExactly() {
        SpanContract cents = SpanContract.future("GH100-202701", 1,
                RiskArray.of(Collections.nCopies(16, new BigDecimal("10.25")), BigDecimal.ONE));
        SpanContract whole = SpanContract.future("GH100-202702", 2,
                RiskArray.of(Collections.nCopies(16, new BigDecimal("3")), BigDecimal.ONE));
        SpanParameters parameters = SpanParameters.of(CombinedCommodity.of("GH100", USD, List.of(cents, whole)));

        MarginResult result = SpanCalculator.cme().calculate(
                Portfolio.of(Position.of("GH100-202701", 3), Position.of("GH100-202702", 2)), parameters, Map.of(),
                FxRates.none(USD), AccountType.MEMBER);

        // 3 x 10.25 + 2 x 3 = 36.75
        assertThat(result.commodity("GH100").orElseThrow().scanRisk()).isEqualByComparingTo("36.75");
    }
}
