package io.computeclearing.clearing.fixml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.computeclearing.clearing.fixml.TrdCaptRptDocuments.VALID;
import static io.computeclearing.clearing.fixml.TrdCaptRptDocuments.replacing;
import static io.computeclearing.clearing.fixml.TrdCaptRptDocuments.resourceText;
import static io.computeclearing.clearing.fixml.TrdCaptRptDocuments.withAttribute;
import static io.computeclearing.clearing.fixml.TrdCaptRptDocuments.withoutAttribute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report that cannot be cleared comes back with every problem in it, worded for the back office, while the rest
 * of the document is still read.
 */
class FixmlReportProblemsTest {

    private final FixmlTradeCaptureReader reader = new FixmlTradeCaptureReader();

    @ParameterizedTest(name = "without {0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "RptID    | RptID: missing",
            "TrdID    | TrdID: missing, and no ExecID to fall back on",
            "LastQty  | LastQty: missing",
            "LastPx   | LastPx: missing",
            "BizDt    | BizDt: missing",
            "TxnTm    | TxnTm: missing",
            "MMY      | MMY: missing",
            "ID       | Instrmt: needs ID (or Sym) naming the contract, for example ID=\"GH100\""})
    void missingRequiredFieldIsNamed(String attribute, String expectedProblem) {
        FixmlTradeReport report = single(withoutAttribute(attribute));

        assertThat(report.usable()).isFalse();
        assertThat(problems(report)).containsExactly(expectedProblem);
    }

    @ParameterizedTest(name = "{0}={1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "LastQty  | abc                  | LastQty: 'abc' is not a whole number of contracts",
            "LastQty  | 2.5                  | LastQty: '2.5' is not a whole number of contracts",
            "LastQty  | 1e3                  | LastQty: '1e3' is not a whole number of contracts",
            "LastQty  | 0                    | LastQty: must be positive, was '0'",
            "LastQty  | -5                   | LastQty: must be positive, was '-5'",
            "LastQty  | 99999999999999999999 | LastQty: '99999999999999999999' is too large",
            "LastPx   | abc                  | LastPx: 'abc' is not a decimal",
            "LastPx   | 2,605                | LastPx: '2,605' is not a decimal",
            "LastPx   | 2.6E-1               | LastPx: '2.6E-1' is not a decimal",
            "LastPx   | +2.605               | LastPx: '+2.605' is not a decimal",
            "MMY      | 2027                 | MMY: must be YYYYMM (or YYYYMMDD), was '2027'",
            "MMY      | 202713               | MMY: must be YYYYMM (or YYYYMMDD), was '202713'",
            "MMY      | 20270230             | MMY: must be YYYYMM (or YYYYMMDD), was '20270230'",
            "MMY      | 202701w2             | MMY: must be YYYYMM (or YYYYMMDD), was '202701w2'",
            "ID       | GH-100               | ID: 'GH-100' is not a contract symbol (letters and digits only)",
            "BizDt    | 2026-11-31           | BizDt: '2026-11-31' is not a date (YYYY-MM-DD)",
            "TrdDt    | 24/11/2026           | TrdDt: '24/11/2026' is not a date (YYYY-MM-DD)",
            "TxnTm    | 2026-11-24 20:30:00  | TxnTm: '2026-11-24 20:30:00' is not a timestamp (for example 2026-11-24T14:30:00.123-06:00)",
            "TxnTm    | 1795552200           | TxnTm: '1795552200' is not a timestamp (for example 2026-11-24T14:30:00.123-06:00)",
            "TransTyp | 4                    | TransTyp: '4' is not 0 (New), 1 (Cancel) or 2 (Replace)"})
    void malformedFieldIsNamedWithTheValueSent(String attribute, String value, String expectedProblem) {
        FixmlTradeReport report = single(withAttribute(attribute, value));

        assertThat(report.usable()).isFalse();
        assertThat(problems(report)).containsExactly(expectedProblem);
    }

    @Test
    void fieldsThatCouldNotBeReadAreNullWhileTheRestIsKeptForTheAnswer() {
        FixmlTradeReport report = single(withAttribute("LastPx", "abc"));

        assertThat(report.trade().price()).isNull();
        assertThat(report.reportId()).isEqualTo("R-1");
        assertThat(report.trade().exchangeTradeId()).isEqualTo("T-1");
        assertThat(report.trade().quantity()).isEqualTo(25L);
    }

    @Test
    void everyProblemOfAReportIsListedInDocumentOrder() {
        String document = withoutAttribute("LastQty")
                .replace("LastPx=\"2.605\"", "LastPx=\"abc\"")
                .replace("MMY=\"202701\"", "MMY=\"2027\"");

        assertThat(problems(single(document))).containsExactly(
                "MMY: must be YYYYMM (or YYYYMMDD), was '2027'",
                "LastQty: missing",
                "LastPx: 'abc' is not a decimal");
    }

    @Test
    void twoBuySidesAreRefused() {
        FixmlTradeReport report = single(replacing("<RptSide Side=\"2\">", "<RptSide Side=\"1\">"));

        assertThat(problems(report)).containsExactly(
                "RptSide: needs one buy (Side=1) and one sell (Side=2) side, found 2 buys");
        assertThat(report.trade().buyerAccountId()).isNull();
        assertThat(report.trade().sellerAccountId()).isNull();
    }

    @Test
    void aReportWithOnlyTheBuySideIsRefusedButKeepsTheBuyer() {
        String document = replacing("<RptSide Side=\"2\"><Pty ID=\"BRAVO\" R=\"4\"/><Pty ID=\"BRAVO-H\" R=\"24\"/></RptSide>",
                "");

        FixmlTradeReport report = single(document);

        assertThat(problems(report)).containsExactly(
                "RptSide: needs one buy (Side=1) and one sell (Side=2) side, found 1 buy");
        assertThat(report.trade().buyerAccountId()).isEqualTo("ALPHA-H");
        assertThat(report.buyClearingFirmId()).isEqualTo("ALPHA");
        assertThat(report.trade().sellerAccountId()).isNull();
    }

    @Test
    void aReportWithoutSidesIsRefused() {
        String document = VALID.replaceAll("<RptSide Side=\"\\d\">.*</RptSide>\\s*", "");

        assertThat(problems(single(document))).containsExactly(
                "RptSide: needs one buy (Side=1) and one sell (Side=2) side, found none");
    }

    @Test
    void anExtraBuySideIsRefused() {
        FixmlTradeReport report = single(replacing("<RptSide Side=\"2\">",
                "<RptSide Side=\"1\" Acct=\"CHARLIE-H\"/><RptSide Side=\"2\">"));

        assertThat(problems(report)).containsExactly(
                "RptSide: needs one buy (Side=1) and one sell (Side=2) side, found 2 buys and 1 sell");
    }

    @Test
    void aSideCodeOtherThanBuyOrSellIsNamed() {
        FixmlTradeReport report = single(replacing("<RptSide Side=\"2\">", "<RptSide Side=\"5\">"));

        assertThat(problems(report)).containsExactly(
                "RptSide: Side '5' is not 1 (buy) or 2 (sell)",
                "RptSide: needs one buy (Side=1) and one sell (Side=2) side, found 1 buy");
    }

    @Test
    void aSideWithoutSideCodeIsNamed() {
        FixmlTradeReport report = single(replacing("<RptSide Side=\"2\">", "<RptSide>"));

        assertThat(problems(report)).containsExactly(
                "RptSide: Side missing",
                "RptSide: needs one buy (Side=1) and one sell (Side=2) side, found 1 buy");
    }

    @Test
    void aSideWithoutAccountIsRefused() {
        FixmlTradeReport report = single(replacing("<Pty ID=\"BRAVO-H\" R=\"24\"/>", "<Pty ID=\"BRAVO\" R=\"1\"/>"));

        assertThat(problems(report)).containsExactly(
                "Acct: no account on the sell side (Side=2): needs Acct or Pty R=\"24\"");
        assertThat(report.trade().sellerAccountId()).isNull();
    }

    @Test
    void aSideNamingTwoClearingFirmsIsRefused() {
        FixmlTradeReport report = single(replacing("<Pty ID=\"ALPHA\" R=\"4\"/>",
                "<Pty ID=\"ALPHA\" R=\"4\"/><Pty ID=\"ZULU\" R=\"4\"/>"));

        assertThat(problems(report)).containsExactly(
                "Pty: the buy side (Side=1) names 2 clearing firms (R=\"4\"): [ALPHA, ZULU]");
        assertThat(report.buyClearingFirmId()).isNull();
    }

    @Test
    void aReportWithoutInstrumentIsRefused() {
        assertThat(problems(single(replacing("<Instrmt ID=\"GH100\" Src=\"H\" MMY=\"202701\"/>", ""))))
                .containsExactly("Instrmt: missing");
    }

    @Test
    void oneBadReportInABatchLeavesTheOthersUsable() {
        String document = resourceText("batch-three-trades.xml").replace("LastQty=\"3\"", "LastQty=\"three\"");

        List<FixmlTradeReport> reports = reader.read(document);

        assertThat(reports).extracting(FixmlTradeReport::usable).containsExactly(true, false, true);
        FixmlTradeReport bad = reports.get(1);
        assertThat(bad.position()).isEqualTo(2);
        assertThat(bad.reportId()).isEqualTo("RPT-20261124-000202");
        assertThat(bad.trade().exchangeTradeId()).isEqualTo("XC-20261124-000202");
        assertThat(problems(bad)).containsExactly("LastQty: 'three' is not a whole number of contracts");
    }

    @Test
    void problemCarriesFieldAndMessageSeparately() {
        FixmlTradeReport.Problem problem = single(withoutAttribute("LastQty")).problems().getFirst();

        assertThat(problem.field()).isEqualTo("LastQty");
        assertThat(problem.message()).isEqualTo("missing");
    }

    private FixmlTradeReport single(String document) {
        List<FixmlTradeReport> reports = reader.read(document);
        assertThat(reports).hasSize(1);
        return reports.getFirst();
    }

    private static List<String> problems(FixmlTradeReport report) {
        return report.problems().stream().map(FixmlTradeReport.Problem::toString).toList();
    }
}
