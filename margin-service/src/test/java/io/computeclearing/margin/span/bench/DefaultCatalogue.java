package io.computeclearing.margin.span.bench;

import io.computeclearing.margin.span.AccountType;
import io.computeclearing.margin.span.CombinedCommodity;
import io.computeclearing.margin.span.InterCommoditySpread;
import io.computeclearing.margin.span.IntraCommoditySpread;
import io.computeclearing.margin.span.RiskArray;
import io.computeclearing.margin.span.ScenarioGrid;
import io.computeclearing.margin.span.SpanContract;
import io.computeclearing.margin.span.SpanParameters;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * The default catalogue (docs/methodology.md, anchor catalogue) with the default risk parameters of
 * {@code reference-data/default-risk-parameters.sql}, as SPAN parameters for the whole listing: GH100 and GB200 list
 * 12 consecutive months, TKFRN and TKFRC 6. Each family is one combined commodity; each month a future in its own
 * tier (tier 1 the nearest) with the risk array built at the family's reference price, every pair of months may
 * spread at the family's flat charge, nearest pairs first, and the initial/maintenance ratio is 1.00 for members and
 * 1.10 for speculators (client accounts), as margin-service's {@code MarginCalculation} builds them.
 */
public final class DefaultCatalogue {

    /** One product family's default parameters. */
    public record Family(String symbol, Currency currency, int listedMonths, BigDecimal referencePrice,
            BigDecimal priceScanFraction, BigDecimal intraSpreadCharge) {
    }

    public static final BigDecimal CONTRACT_UNIT = new BigDecimal("1000");
    public static final YearMonth FIRST_MONTH = YearMonth.of(2027, 1);

    public static final List<Family> FAMILIES = List.of(
            new Family("GH100", Currency.getInstance("USD"), 12, new BigDecimal("2.60"), new BigDecimal("0.25"),
                    new BigDecimal("13.00")),
            new Family("GB200", Currency.getInstance("USD"), 12, new BigDecimal("5.30"), new BigDecimal("0.25"),
                    new BigDecimal("26.50")),
            new Family("TKFRN", Currency.getInstance("USD"), 6, new BigDecimal("8.00"), new BigDecimal("0.30"),
                    new BigDecimal("48.00")),
            new Family("TKFRC", Currency.getInstance("CNY"), 6, new BigDecimal("55.00"), new BigDecimal("0.30"),
                    new BigDecimal("330.00")));

    private DefaultCatalogue() {
    }

    /** Instrument ids in the clearing-service form {@code SYMBOL-YYYYMM}, family by family, nearest month first. */
    public static List<String> contractIds() {
        List<String> ids = new ArrayList<>();
        for (Family f : FAMILIES) {
            for (int m = 0; m < f.listedMonths(); m++) {
                ids.add(contractId(f, m));
            }
        }
        return ids;
    }

    /** The SPAN parameters of the whole catalogue, without inter-commodity spreads (none are configured). */
    public static SpanParameters spanParameters() {
        ScenarioGrid grid = ScenarioGrid.cme();
        List<CombinedCommodity> commodities = new ArrayList<>();
        for (Family f : FAMILIES) {
            RiskArray array = RiskArray.forFuture(grid, f.referencePrice(),
                    f.referencePrice().multiply(f.priceScanFraction()), CONTRACT_UNIT, 2);
            List<SpanContract> contracts = new ArrayList<>();
            for (int m = 0; m < f.listedMonths(); m++) {
                contracts.add(SpanContract.future(contractId(f, m), m + 1, array));
            }
            List<IntraCommoditySpread> spreads = new ArrayList<>();
            int priority = 1;
            for (int distance = 1; distance < f.listedMonths(); distance++) {
                for (int tier = 1; tier + distance <= f.listedMonths(); tier++) {
                    spreads.add(IntraCommoditySpread.of(priority++, tier, tier + distance, f.intraSpreadCharge()));
                }
            }
            commodities.add(CombinedCommodity.of(f.symbol(), f.currency(), contracts)
                    .withIntraSpreads(spreads)
                    .withInitialToMaintenance(Map.of(AccountType.MEMBER, BigDecimal.ONE,
                            AccountType.SPECULATOR, new BigDecimal("1.10"))));
        }
        return SpanParameters.of(commodities, List.of());
    }

    /**
     * The catalogue with two inter-commodity spreads, the natural ones (docs/methodology.md, anchor span-inter):
     * H100 against B200 one to one at a 50% credit, then H100 against the USD token future at 30%; delta
     * style (CME's standard). For the cost of inter-commodity credits at scale.
     */
    public static SpanParameters spanParametersWithInterCommoditySpreads() {
        SpanParameters base = spanParameters();
        return SpanParameters.of(base.commodities(), List.of(
                InterCommoditySpread.of(1,
                        InterCommoditySpread.Leg.of("GH100", BigDecimal.ONE, InterCommoditySpread.Side.A),
                        InterCommoditySpread.Leg.of("GB200", BigDecimal.ONE, InterCommoditySpread.Side.B),
                        new BigDecimal("0.50"), false),
                InterCommoditySpread.of(2,
                        InterCommoditySpread.Leg.of("GH100", BigDecimal.ONE, InterCommoditySpread.Side.A),
                        InterCommoditySpread.Leg.of("TKFRN", BigDecimal.ONE, InterCommoditySpread.Side.B),
                        new BigDecimal("0.30"), false)));
    }

    private static String contractId(Family f, int monthIndex) {
        YearMonth month = FIRST_MONTH.plusMonths(monthIndex);
        return String.format("%s-%04d%02d", f.symbol(), month.getYear(), month.getMonthValue());
    }
}
