package io.computeclearing.margin.spanfile;

import io.computeclearing.margin.parameters.InterSpreadDefinition;
import io.computeclearing.margin.parameters.InterSpreadLeg;
import io.computeclearing.margin.span.RiskArray;
import io.computeclearing.margin.span.ScenarioGrid;
import io.computeclearing.platform.problem.Problem;
import io.computeclearing.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Reading SPAN XML: a hand-written file, the writer's own output, and every kind of refusal naming its element. */
class SpanFileReaderTest {

    private final SpanFileReader reader = new SpanFileReader();

    private static String handWritten() {
        try (InputStream in = SpanFileReaderTest.class.getResourceAsStream("/spanfile/hand-written.spn.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String interSpreadsOf(String clearingOrg) {
        return clearingOrg.substring(clearingOrg.indexOf("<interSpreads>"), clearingOrg.indexOf("<exchange>"));
    }

    private Problem refusal(String document) {
        ProblemException e = catchThrowableOfType(ProblemException.class, () -> reader.read(document));
        assertThat(e).as("the file is refused").isNotNull();
        return e.toProblem("/span-files");
    }

    @Test
    void readsTheParametersOfAHandWrittenFile() {
        SpanFileContent content = reader.read(handWritten());

        assertThat(content.businessDate()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(content.families()).extracting(SpanFileContent.Family::family).containsExactly("GH100", "TKFRC");
        SpanFileContent.Family gh100 = content.families().getFirst();
        assertThat(gh100.currency()).isEqualTo("USD");
        assertThat(gh100.contractUnit()).isEqualByComparingTo("1000");
        assertThat(gh100.referencePrice()).isEqualByComparingTo("2.60");
        // 0.65 / 2.60
        assertThat(gh100.priceScanFraction()).isEqualByComparingTo("0.25");
        assertThat(gh100.extremeMoveMultiple()).isEqualByComparingTo("3");
        assertThat(gh100.extremeMoveCover()).isEqualByComparingTo("0.33");
        assertThat(gh100.intraSpreadCharge()).isEqualByComparingTo("13.00");
        assertThat(gh100.ratioHouse()).isEqualByComparingTo("1.00");
        assertThat(gh100.ratioClientOmnibus()).isEqualByComparingTo("1.10");
        assertThat(gh100.ratioClientSegregated()).isEqualByComparingTo("1.25");
        assertThat(gh100.contracts()).extracting(SpanFileContent.Contract::month)
                .containsExactly(YearMonth.of(2027, 1), YearMonth.of(2027, 2));
        SpanFileContent.Contract january = gh100.contracts().getFirst();
        assertThat(january.price()).isEqualByComparingTo("2.80");
        assertThat(january.riskArray().loss(13)).isEqualByComparingTo("700.00");
        assertThat(january.riskArray().loss(16)).isEqualByComparingTo("693.00");

        SpanFileContent.Family tkfrc = content.families().get(1);
        assertThat(tkfrc.currency()).isEqualTo("CNY");
        assertThat(tkfrc.priceScanFraction()).isEqualByComparingTo("0.30");
        assertThat(tkfrc.contracts()).isEmpty();
        assertThat(tkfrc.intraSpreadCharge()).as("no months, so no spread in the file").isNull();
    }

    @Test
    void readsBackWhatTheWriterWrote() {
        ScenarioGrid grid = ScenarioGrid.of(new BigDecimal("2.5"), new BigDecimal("0.35"));
        BigDecimal scan = new BigDecimal("0.10").multiply(new BigDecimal("0.30"));
        SpanFileContent written = new SpanFileContent(LocalDate.of(2026, 12, 1), List.of(
                new SpanFileContent.Family("TKFRN", "USD", new BigDecimal("1000"), new BigDecimal("8.00"),
                        new BigDecimal("0.30"), new BigDecimal("2.5"), new BigDecimal("0.35"), new BigDecimal("48.00"),
                        BigDecimal.ONE, new BigDecimal("1.10"), new BigDecimal("1.10"), null, List.of(
                        new SpanFileContent.Contract(YearMonth.of(2027, 1), new BigDecimal("-0.10"), scan,
                                RiskArray.forFuture(grid, new BigDecimal("-0.10"), scan, new BigDecimal("1000"), 2)),
                        new SpanFileContent.Contract(YearMonth.of(2027, 2), new BigDecimal("8.00"),
                                new BigDecimal("2.40"), RiskArray.forFuture(grid, new BigDecimal("8.00"),
                                new BigDecimal("2.40"), new BigDecimal("1000"), 2)),
                        new SpanFileContent.Contract(YearMonth.of(2027, 3), new BigDecimal("8.50"),
                                new BigDecimal("2.55"), RiskArray.forFuture(grid, new BigDecimal("8.50"),
                                new BigDecimal("2.55"), new BigDecimal("1000"), 2))))));

        String xml = new SpanFileWriter().write(written, Instant.parse("2026-12-01T18:00:00Z"));
        SpanFileContent read = reader.read(xml);

        SpanFileContent.Family f = read.families().getFirst();
        assertThat(f.extremeMoveMultiple()).isEqualByComparingTo("2.5");
        assertThat(f.extremeMoveCover()).isEqualByComparingTo("0.35");
        assertThat(f.intraSpreadCharge()).isEqualByComparingTo("48.00");
        assertThat(f.contracts()).hasSize(3);
        // a negative price scans over |price| x 30%: 0.03 per token unit, 30.00 per contract at -1 x range
        assertThat(f.contracts().getFirst().riskArray().loss(13)).isEqualByComparingTo("30.00");
        assertThat(f.contracts().getFirst().riskArray()).isEqualTo(written.families().getFirst().contracts()
                .getFirst().riskArray());
        assertThat(xml).contains("<dSpread>").contains("<numerator>25</numerator>");
        assertThat(f.priceScanFloor()).as("no month is floored: the file does not tell").isNull();
    }

    @Test
    void aFloorShowsAsTheScanRangeOfTheMonthsBelowItAndReadsBack() {
        // TKFRN, fraction 0.30, floor 1,200.00 a contract of 1,000 = 1.20 a unit: at -0.10 the scan is 1.20, not
        // 0.03; at 0 it is 1.20; at 8.00 it is 8.00 x 0.30 = 2.40, above the floor
        SpanFileContent.Family floored = tkfrn(new BigDecimal("1200.00"), "1.20", "1.20", "2.40");
        String xml = new SpanFileWriter().write(new SpanFileContent(LocalDate.of(2026, 12, 1), List.of(floored)),
                Instant.parse("2026-12-01T18:00:00Z"));

        SpanFileContent.Family read = reader.read(xml).families().getFirst();
        assertThat(read.priceScanFloor()).isEqualByComparingTo("1200.00");
        assertThat(read.contracts()).extracting(c -> c.riskArray().loss(13))
                .containsExactly(new BigDecimal("1200.00"), new BigDecimal("1200.00"), new BigDecimal("2400.00"));
    }

    @Test
    void refusesAMonthScannedBelowTheFloorOtherMonthsShow() {
        // the floor shows at 1.20 on the month at -0.10, but the month at 0 scans 0.50
        String xml = new SpanFileWriter().write(new SpanFileContent(LocalDate.of(2026, 12, 1),
                List.of(tkfrn(new BigDecimal("1200.00"), "1.20", "0.50", "2.40"))), Instant.parse("2026-12-01T18:00:00Z"));

        Problem problem = refusal(xml);
        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.detail()).contains("fut[202702]/scanRate/priceScan").contains("floored at 1.2");
    }

    /** TKFRN months at -0.10, 0 and 8.00 with the given scan ranges (price units), written as they are. */
    private static SpanFileContent.Family tkfrn(BigDecimal floor, String... scans) {
        ScenarioGrid grid = ScenarioGrid.of(new BigDecimal("3"), new BigDecimal("0.33"));
        BigDecimal unit = new BigDecimal("1000");
        List<BigDecimal> prices = List.of(new BigDecimal("-0.10"), BigDecimal.ZERO, new BigDecimal("8.00"));
        List<SpanFileContent.Contract> contracts = new ArrayList<>();
        for (int i = 0; i < prices.size(); i++) {
            BigDecimal scan = new BigDecimal(scans[i]);
            contracts.add(new SpanFileContent.Contract(YearMonth.of(2027, 1 + i), prices.get(i), scan,
                    RiskArray.forFuture(grid, prices.get(i), scan, unit, 2)));
        }
        return new SpanFileContent.Family("TKFRN", "USD", unit, new BigDecimal("8.00"), new BigDecimal("0.30"),
                new BigDecimal("3"), new BigDecimal("0.33"), new BigDecimal("48.00"), BigDecimal.ONE,
                new BigDecimal("1.10"), new BigDecimal("1.10"), floor, contracts);
    }

    @Test
    void familiesWithDifferentExtremeMovesGoToTwoClearingOrganisationsAndReadBack() {
        SpanFileContent.Family cme = family("GH100", "3", "0.33");
        SpanFileContent.Family nse = family("GB200", "2", "0.35");
        String xml = new SpanFileWriter().write(new SpanFileContent(LocalDate.of(2026, 12, 1), List.of(cme, nse)),
                Instant.parse("2026-12-01T18:00:00Z"));

        assertThat(xml.split("<clearingOrg>", -1)).hasSize(3);
        List<SpanFileContent.Family> read = reader.read(xml).families();
        assertThat(read).extracting(SpanFileContent.Family::family).containsExactly("GH100", "GB200");
        assertThat(read.get(1).extremeMoveMultiple()).isEqualByComparingTo("2");
        assertThat(read.get(1).extremeMoveCover()).isEqualByComparingTo("0.35");
        assertThat(read.get(1).intraSpreadCharge()).as("no months, no spread").isNull();

        String empty = new SpanFileWriter().write(new SpanFileContent(LocalDate.of(2026, 12, 1), List.of()),
                Instant.parse("2026-12-01T18:00:00Z"));
        assertThat(reader.read(empty).families()).isEmpty();
    }

    private static SpanFileContent.Family family(String symbol, String multiple, String cover) {
        return new SpanFileContent.Family(symbol, "USD", new BigDecimal("1000"), new BigDecimal("2.60"),
                new BigDecimal("0.25"), new BigDecimal(multiple), new BigDecimal(cover), new BigDecimal("13.00"),
                BigDecimal.ONE, new BigDecimal("1.10"), new BigDecimal("1.10"), null, List.of());
    }

    @Test
    void refusesADoctypeSoThatNoExternalEntityIsRead() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE spanFile [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<spanFile><fileFormat>&x;</fileFormat></spanFile>";
        Problem problem = refusal(xxe);
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo("/problems/malformed-span-file");
        assertThat(problem.detail()).contains("DOCTYPE");
    }

    @Test
    void refusesWhatIsNotASpanFile() {
        assertThat(refusal("<FIXML/>").violations().getFirst().field()).isEqualTo("FIXML");
        assertThat(refusal("<spanFile><fileFormat>4.00").status()).isEqualTo(400);
        assertThat(refusal("").status()).isEqualTo(400);
        Problem format = refusal(handWritten().replace("<fileFormat>4.00", "<fileFormat>3.00"));
        assertThat(format.violations().getFirst().field()).isEqualTo("spanFile/fileFormat");
    }

    @Test
    void refusesAValueThatIsNotANumberNamingItsElement() {
        Problem problem = refusal(handWritten().replace("<p>2.60</p><scanRate>", "<p>two sixty</p><scanRate>"));
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.violations().getFirst().field())
                .isEqualTo("spanFile/pointInTime/clearingOrg/exchange/phyPf[GH100]/phy/p");
    }

    @Test
    void refusesANumberBeyondFortyDigitsEitherSideOfThePoint() {
        for (String huge : List.of("1e999999999", "1e131071", "1E+400", "0." + "0".repeat(40) + "1")) {
            Problem problem = refusal(handWritten().replace("<p>2.60</p><scanRate>", "<p>" + huge + "</p><scanRate>"));
            assertThat(problem.status()).as(huge).isEqualTo(400);
            assertThat(problem.type()).isEqualTo("/problems/malformed-span-file");
            assertThat(problem.violations().getFirst().field())
                    .isEqualTo("spanFile/pointInTime/clearingOrg/exchange/phyPf[GH100]/phy/p");
            assertThat(problem.violations().getFirst().message()).contains("more than 40 digits");
        }
        Problem riskArray = refusal(handWritten().replaceFirst("<a>700.00</a>", "<a>-1e999999999</a>"));
        assertThat(riskArray.status()).isEqualTo(400);
        assertThat(riskArray.violations().getFirst().field()).endsWith("fut[202701]/ra/a[13]");
    }

    @Test
    void refusesARiskArrayThatDoesNotFollowFromItsPriceAndScanRange() {
        Problem problem = refusal(handWritten().replaceFirst("<a>700.00</a>", "<a>710.00</a>"));
        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.type()).isEqualTo("/problems/inconsistent-span-file");
        assertThat(problem.violations().getFirst().field())
                .isEqualTo("spanFile/pointInTime/clearingOrg/exchange/futPf[GH100]/fut[202701]/ra/a[13]");
        assertThat(problem.detail()).contains("loses 700.00");
    }

    @Test
    void refusesAScanRangeThatIsNotTheFamilysFractionOfThePrice() {
        // narrower than |p| x fraction (wider would be a floor, checked against the other months)
        Problem problem = refusal(handWritten().replace("<priceScan>0.70</priceScan>", "<priceScan>0.65</priceScan>"));
        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.violations().getFirst().field()).endsWith("fut[202701]/scanRate/priceScan");
    }

    @Test
    void readsInterCommoditySpreadsWithTheirPriorityRateSidesAndDeltaRatios() {
        SpanFileContent content = reader.read(handWritten().replace("<interSpreads/>", "<interSpreads>"
                + "<dSpread><spread>2</spread><rate><r>1</r><val>0.25</val></rate>"
                + "<pLeg><cc>GH100</cc><rs>A</rs><i>2</i></pLeg><tLeg><cc>GB200</cc><tn>0</tn><rs>B</rs><i>1</i></tLeg>"
                + "</dSpread></interSpreads>"));
        assertThat(content.interSpreads()).containsExactly(new InterSpreadDefinition(2, new BigDecimal("0.25"),
                List.of(new InterSpreadLeg("GH100", new BigDecimal("2"), "A"),
                        new InterSpreadLeg("GB200", new BigDecimal("1"), "B"))));
        assertThat(reader.read(handWritten()).interSpreads()).as("an empty interSpreads has none").isEmpty();
    }

    @Test
    void writesInterCommoditySpreadsInTheOrganisationOfTheirFirstLegAndReadsThemBack() {
        List<InterSpreadDefinition> spreads = List.of(
                new InterSpreadDefinition(1, new BigDecimal("0.5"), List.of(
                        new InterSpreadLeg("GH100", BigDecimal.ONE, "A"), new InterSpreadLeg("GB200", BigDecimal.ONE,
                                "B"))),
                new InterSpreadDefinition(2, new BigDecimal("0.125"), List.of(
                        new InterSpreadLeg("GB200", new BigDecimal("1.5"), "B"),
                        new InterSpreadLeg("GH100", BigDecimal.ONE, "A"))));
        String xml = new SpanFileWriter().write(new SpanFileContent(LocalDate.of(2026, 12, 1),
                List.of(family("GH100", "3", "0.33"), family("GB200", "2", "0.35")), spreads),
                Instant.parse("2026-12-01T18:00:00Z"));
        assertThat(xml.split("<pLeg>", -1)).hasSize(5);
        String[] orgs = xml.split("<clearingOrg>", -1);
        assertThat(interSpreadsOf(orgs[1])).contains("<spread>1</spread>").doesNotContain("<spread>2</spread>");
        assertThat(interSpreadsOf(orgs[2])).contains("<spread>2</spread>").doesNotContain("<spread>1</spread>");
        assertThat(reader.read(xml).interSpreads()).isEqualTo(spreads);
    }

    @Test
    void refusesInterCommoditySpreadsMarginServiceCannotApplyAndOptions() {
        Problem oneLeg = refusal(handWritten().replace("<interSpreads/>",
                "<interSpreads><dSpread><spread>1</spread><rate><r>1</r><val>0.5</val></rate>"
                        + "<pLeg><cc>GH100</cc><rs>A</rs><i>1</i></pLeg></dSpread></interSpreads>"));
        assertThat(oneLeg.status()).isEqualTo(422);
        assertThat(oneLeg.violations().getFirst().field()).endsWith("clearingOrg/interSpreads/dSpread[1]/pLeg");
        Problem tier = refusal(handWritten().replace("<interSpreads/>",
                "<interSpreads><dSpread><spread>1</spread><rate><r>1</r><val>0.5</val></rate>"
                        + "<pLeg><cc>GH100</cc><rs>A</rs><i>1</i></pLeg>"
                        + "<tLeg><cc>GB200</cc><tn>2</tn><rs>B</rs><i>1</i></tLeg></dSpread></interSpreads>"));
        assertThat(tier.violations().getFirst().field()).endsWith("interSpreads/dSpread[1]/tLeg/tn");
        Problem rate = refusal(handWritten().replace("<interSpreads/>",
                "<interSpreads><dSpread><spread>1</spread><rate><r>1</r><val>1.2</val></rate>"
                        + "<pLeg><cc>GH100</cc><rs>A</rs><i>1</i></pLeg>"
                        + "<pLeg><cc>GB200</cc><rs>B</rs><i>1</i></pLeg></dSpread></interSpreads>"));
        assertThat(rate.violations().getFirst().field()).endsWith("interSpreads/dSpread[1]/rate/val");

        Problem options = refusal(handWritten().replace("<exch>CCP</exch>\n    <phyPf>",
                "<exch>CCP</exch>\n    <oopPf><pfId>9</pfId></oopPf><phyPf>"));
        assertThat(options.status()).isEqualTo(422);
        assertThat(options.violations().getFirst().field()).endsWith("exchange/oopPf");
    }

    @Test
    void refusesANonStandardScenarioGrid() {
        Problem problem = refusal(handWritten().replace(
                "<point>3</point><pairedPoint>4</pairedPoint><priceScanDef><numerator>1</numerator>",
                "<point>3</point><pairedPoint>4</pairedPoint><priceScanDef><numerator>2</numerator>"));
        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.violations().getFirst().field()).endsWith("pointDef/scanPointDef[3]");
    }

    @Test
    void refusesSpreadsOfOneFamilyAtDifferentRatesOrMissingPairs() {
        String threeMonths = handWritten()
                .replace("<tier><tn>2</tn><sPe>202702</sPe><ePe>202702</ePe></tier>",
                        "<tier><tn>2</tn><sPe>202702</sPe><ePe>202702</ePe></tier>"
                                + "<tier><tn>3</tn><sPe>202703</sPe><ePe>202703</ePe></tier>");
        Problem missing = refusal(threeMonths);
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.detail()).contains("every two of the 3 tiers");

        String secondRate = handWritten().replace("</dSpread>\n   </ccDef>",
                "</dSpread><dSpread><spread>2</spread><rate><r>1</r><val>14.00</val></rate>"
                        + "<tLeg><cc>GH100</cc><tn>2</tn><rs>A</rs><i>1</i></tLeg>"
                        + "<tLeg><cc>GH100</cc><tn>1</tn><rs>B</rs><i>1</i></tLeg></dSpread>\n   </ccDef>");
        Problem rates = refusal(secondRate);
        assertThat(rates.status()).isEqualTo(422);
        assertThat(rates.violations().getFirst().field()).endsWith("ccDef[GH100]/dSpread[2]/rate/val");
    }

    @Test
    void refusesAMissingRatioForAnAccountType() {
        Problem problem = refusal(handWritten().replace("<adjRate><r>3</r><val>1.25</val></adjRate>", ""));
        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.violations().getFirst().field()).endsWith("ccDef[GH100]/adjRate");
        assertThat(problem.detail()).contains("account type S");
    }
}
