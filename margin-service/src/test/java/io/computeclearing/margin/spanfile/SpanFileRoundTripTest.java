package io.computeclearing.margin.spanfile;

import io.computeclearing.margin.instrument.ListedInstrument;
import io.computeclearing.margin.parameters.InterSpreadDefinition;
import io.computeclearing.margin.parameters.InterSpreadLeg;
import io.computeclearing.margin.parameters.InterSpreadSet;
import io.computeclearing.margin.parameters.InterSpreads;
import io.computeclearing.margin.parameters.RiskParameterSet;
import io.computeclearing.margin.prices.SettlementPrice;
import io.computeclearing.margin.requirement.CurrencyMargin;
import io.computeclearing.margin.requirement.Holding;
import io.computeclearing.margin.requirement.PortfolioMargining;
import io.computeclearing.platform.accounts.KnownAccount.AccountType;
import io.computeclearing.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;

/**
 * The acceptance test of SPAN files: the file margin-service exports, imported back after the parameters were changed,
 * restores margins equal to the cent, for portfolios with calendar spreads, positions across GPU types, GPU against
 * token futures, a CNY family, an omnibus account margined gross, and months at settlement prices that are negative or
 * zero, and inter-commodity credits between its GPU types and its GPU and token families. Four families of its own keep
 * it apart from other tests' data; the spreads between them are added to the seeded ones, which stay as they are.
 */
@QuarkusTest
class SpanFileRoundTripTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Inject
    PortfolioMargining margining;
    @Inject
    InterSpreads interSpreads;

    private final String suffix = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    private final String h = "H" + suffix;
    private final String b = "B" + suffix;
    private final String t = "T" + suffix;
    private final String c = "C" + suffix;

    @Test
    void exportedFileImportedAfterAChangeRestoresTheSameMarginsToTheCent() {
        define(h, "USD", "2.60", "0.25", "13.00", "100.00");
        define(b, "USD", "5.30", "0.25", "26.50", "0");
        define(t, "USD", "8.00", "0.30", "48.00", "0");
        define(c, "CNY", "55.00", "0.30", "330.00", "0");
        list(h, 5);
        list(b, 2);
        list(t, 2);
        list(c, 2);
        settle(h + "-202701", "2.80", "USD");
        settle(h + "-202703", "-0.10", "USD");
        settle(b + "-202701", "5.00", "USD");
        settle(t + "-202702", "0", "USD");
        spreads("0.40", "0.30");

        List<List<CurrencyMargin>> before = margins();
        // Hand-computed: a ten-lot calendar spread in months at the configured price scans to 0 and pays 10 x 13.00.
        assertThat(before.getFirst()).extracting(CurrencyMargin::maintenanceMargin)
                .containsExactly(new BigDecimal("130.00"));
        // +10 H at 2.80 (scan 0.70 x 1000 = 700 per lot) and -5 B at 5.00 (1,250 per lot): 7,000 + 6,250 less the
        // H/B credit at 40% on min(10, 5) = 5 spreads: 5 x 700 x 40% = 1,400 and 5 x 1,250 x 40% = 2,500; 9,350.00.
        assertThat(before.get(1)).extracting(CurrencyMargin::initialMargin).containsExactly(new BigDecimal("9350.00"));
        assertThat(before.get(1).getFirst().charges()).extracting(c -> c.interSpreadCredit().toPlainString())
                .containsExactly("2500.00", "1400.00");

        String file = given().auth().oauth2(TestTokens.risk()).when().get("/span-files/current")
                .then().statusCode(200).contentType(ContentType.XML).extract().asString();
        SpanFileContent.Family exportedH = new SpanFileReader().read(file).families().stream()
                .filter(f -> f.family().equals(h)).findFirst().orElseThrow();
        assertThat(exportedH.contracts()).hasSize(5);
        SpanFileContent.Contract january = exportedH.contracts().getFirst();
        assertThat(january.month()).isEqualTo(YearMonth.of(2027, 1));
        assertThat(january.price()).isEqualByComparingTo("2.80");
        assertThat(january.riskArray().loss(13)).isEqualByComparingTo("700.00");
        // the negative settlement price would scan over |-0.10| x 25% = 0.025 per GPU-hour, 25.00 per lot, but the
        // floor is 100.00 per lot: the file shows 0.10 and reads back the floor
        assertThat(exportedH.contracts().get(2).riskArray().loss(13)).isEqualByComparingTo("100.00");
        assertThat(exportedH.priceScanFloor()).isEqualByComparingTo("100.00");

        for (String family : List.of(h, b, t, c)) {
            changeEverything(family);
        }
        spreads("0.20", "0.10");
        List<List<CurrencyMargin>> changed = margins();
        for (int i = 0; i < before.size(); i++) {
            assertThat(requirements(changed.get(i))).as("portfolio %d changed", i + 1)
                    .isNotEqualTo(requirements(before.get(i)));
        }

        given().auth().oauth2(TestTokens.risk()).contentType(ContentType.XML).body(file).when().post("/span-files")
                .then().statusCode(201).body("effectiveFrom", equalTo(TODAY.toString()));
        List<List<CurrencyMargin>> after = margins();
        for (int i = 0; i < before.size(); i++) {
            assertThat(requirements(after.get(i))).as("portfolio %d after the round trip", i + 1)
                    .isEqualTo(requirements(before.get(i)));
            assertThat(after.get(i)).extracting(CurrencyMargin::charges)
                    .isEqualTo(before.get(i).stream().map(CurrencyMargin::charges).toList());
        }

        int versions = versionsOf(h);
        given().auth().oauth2(TestTokens.risk()).contentType(ContentType.XML).body(file).when().post("/span-files")
                .then().statusCode(200).body("families.outcome", everyItem(equalTo("UNCHANGED")))
                .body("interSpreads.outcome", equalTo("UNCHANGED"));
        assertThat(versionsOf(h)).as("importing the same file again records nothing").isEqualTo(versions);
    }

    private List<List<CurrencyMargin>> margins() {
        List<List<CurrencyMargin>> margins = new ArrayList<>();
        margins.add(margining.margin(List.of(Holding.net(h + "-202704", 10), Holding.net(h + "-202705", -10)),
                AccountType.HOUSE, TODAY));
        margins.add(margining.margin(List.of(Holding.net(h + "-202701", 10), Holding.net(b + "-202701", -5)),
                AccountType.HOUSE, TODAY));
        margins.add(margining.margin(List.of(Holding.net(h + "-202702", 8), Holding.net(t + "-202701", -3),
                Holding.net(t + "-202702", 2)), AccountType.CLIENT_SEGREGATED, TODAY));
        margins.add(margining.margin(List.of(new Holding(c + "-202701", 4, 1), new Holding(h + "-202703", 2, 3),
                Holding.net(c + "-202702", -2), Holding.net(b + "-202702", 7)), AccountType.CLIENT_OMNIBUS, TODAY));
        margins.add(margining.margin(List.of(Holding.net(h + "-202701", 3), Holding.net(h + "-202703", -2),
                Holding.net(b + "-202702", -1)), AccountType.HOUSE, TODAY));
        return margins;
    }

    /**
     * The spreads in force with this test's own: H/B one-to-one at the first rate and H against two T (a T delta is
     * two GPU-hour deltas' worth here) at the second, after the others' priorities. Replaces this test's earlier ones.
     */
    private void spreads(String gpuTypes, String gpuVersusTokens) {
        InterSpreadSet current = interSpreads.inForce(TODAY).orElseThrow();
        List<InterSpreadDefinition> spreads = new ArrayList<>(current.spreads().stream()
                .filter(s -> s.legs().stream().noneMatch(l -> l.family().endsWith(suffix))).toList());
        int next = spreads.stream().mapToInt(InterSpreadDefinition::priority).max().orElse(0) + 1;
        spreads.add(new InterSpreadDefinition(next, new BigDecimal(gpuTypes), List.of(
                new InterSpreadLeg(h, BigDecimal.ONE, "A"), new InterSpreadLeg(b, BigDecimal.ONE, "B"))));
        spreads.add(new InterSpreadDefinition(next + 1, new BigDecimal(gpuVersusTokens), List.of(
                new InterSpreadLeg(h, BigDecimal.ONE, "A"), new InterSpreadLeg(t, BigDecimal.TWO, "B"))));
        given().auth().oauth2(TestTokens.risk()).contentType(ContentType.JSON).body(Map.of("spreads", spreads))
                .when().put("/risk-parameters/inter-spreads").then().statusCode(201);
    }

    private static List<?> requirements(List<CurrencyMargin> margins) {
        return margins.stream().map(CurrencyMargin::requirement).toList();
    }

    private static void define(String family, String currency, String reference, String fraction, String intra,
                               String floor) {
        given().auth().oauth2(TestTokens.risk()).contentType(ContentType.JSON)
                .body(parameters(currency, reference, fraction, intra, "0.33", "1.10", floor))
                .when().put("/risk-parameters/" + family).then().statusCode(201);
    }

    /** A new version with every parameter different, so that every margin changes. */
    private static void changeEverything(String family) {
        given().auth().oauth2(TestTokens.risk()).contentType(ContentType.JSON)
                .body(parameters(family.startsWith("C") ? "CNY" : "USD", "3.00", "0.40", "20.00", "0.30", "1.20", "0"))
                .when().put("/risk-parameters/" + family).then().statusCode(201);
    }

    private static Map<String, Object> parameters(String currency, String reference, String fraction, String intra,
            String cover, String clientRatio, String floor) {
        return Map.ofEntries(
                Map.entry("effectiveFrom", TODAY.toString()),
                Map.entry("currency", currency),
                Map.entry("contractUnit", 1000),
                Map.entry("priceScanFraction", new BigDecimal(fraction)),
                Map.entry("referencePrice", new BigDecimal(reference)),
                Map.entry("extremeMoveMultiple", 3),
                Map.entry("extremeMoveCover", new BigDecimal(cover)),
                Map.entry("intraSpreadCharge", new BigDecimal(intra)),
                Map.entry("ratioHouse", 1.00),
                Map.entry("ratioClientOmnibus", new BigDecimal(clientRatio)),
                Map.entry("ratioClientSegregated", new BigDecimal(clientRatio)),
                Map.entry("priceScanFloor", new BigDecimal(floor)));
    }

    /** The family's first months from January 2027, as clearing lists them. */
    private static void list(String family, int months) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int m = 0; m < months; m++) {
                YearMonth month = YearMonth.of(2027, 1).plusMonths(m);
                ListedInstrument i = new ListedInstrument();
                i.instrumentId = family + "-" + SpanFileWriter.MONTH.format(month);
                i.family = family;
                i.contractMonth = month.toString();
                i.lastTradingDay = month.atEndOfMonth();
                i.currency = family.startsWith("C") ? "CNY" : "USD";
                i.contractUnit = new BigDecimal("1000");
                i.underlyingIndexId = family + "-INDEX";
                i.finalSettlementRule = "AVERAGE_OVER_MONTH";
                i.status = "ACTIVE";
                i.listedAt = Instant.now();
                i.updatedAt = i.listedAt;
                i.persist();
            }
        });
    }

    private static void settle(String instrumentId, String price, String currency) {
        QuarkusTransaction.requiringNew().run(() -> {
            SettlementPrice p = new SettlementPrice();
            p.instrumentId = instrumentId;
            p.businessDate = TODAY;
            p.price = new BigDecimal(price);
            p.currency = currency;
            p.version = 1;
            p.publishedAt = Instant.now();
            p.receivedAt = p.publishedAt;
            p.persist();
        });
    }

    private static int versionsOf(String family) {
        return (int) RiskParameterSet.count("family", family);
    }

}
