package io.computeclearing.clearing.fixml;

import io.computeclearing.clearing.fixml.FixmlTradeReport.TradeIdSource;
import io.computeclearing.clearing.fixml.FixmlTradeReport.TransactionType;
import io.computeclearing.clearing.trade.TradeSubmission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.computeclearing.clearing.fixml.TrdCaptRptDocuments.VALID;
import static io.computeclearing.clearing.fixml.TrdCaptRptDocuments.replacing;
import static io.computeclearing.clearing.fixml.TrdCaptRptDocuments.resource;
import static io.computeclearing.clearing.fixml.TrdCaptRptDocuments.withAttribute;
import static io.computeclearing.clearing.fixml.TrdCaptRptDocuments.withoutAttribute;
import static org.assertj.core.api.Assertions.assertThat;

/** Reading well-formed trade capture reports into {@link TradeSubmission}s. */
class FixmlTradeCaptureReaderTest {

    private final FixmlTradeCaptureReader reader = new FixmlTradeCaptureReader();

    @Test
    void sampleReportMapsFieldByFieldOntoTheTradeSubmission() throws IOException {
        List<FixmlTradeReport> reports;
        try (InputStream in = resource("trdcaptrpt-gh100-new.xml")) {
            reports = reader.read(in);
        }

        assertThat(reports).hasSize(1);
        FixmlTradeReport report = reports.getFirst();
        assertThat(report.problems()).isEmpty();
        assertThat(report.usable()).isTrue();
        assertThat(report.position()).isEqualTo(1);
        assertThat(report.reportId()).isEqualTo("RPT-20261124-000187");
        assertThat(report.transactionType()).isEqualTo(TransactionType.NEW);
        assertThat(report.tradeType()).isEqualTo("0");
        assertThat(report.tradeIdSource()).isEqualTo(TradeIdSource.TRD_ID);
        assertThat(report.tradeDate()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(report.buyClearingFirmId()).isEqualTo("ALPHA");
        assertThat(report.sellClearingFirmId()).isEqualTo("BRAVO");

        TradeSubmission trade = report.trade();
        assertThat(trade.exchangeTradeId()).isEqualTo("XC-20261124-000187");
        assertThat(trade.instrumentId()).isEqualTo("GH100-202701");
        assertThat(trade.quantity()).isEqualTo(25L);
        assertThat(trade.price()).isEqualTo(new BigDecimal("2.605")); // scale 3 kept, as sent
        assertThat(trade.buyerAccountId()).isEqualTo("ALPHA-H");
        assertThat(trade.sellerAccountId()).isEqualTo("BRAVO-H");
        assertThat(trade.tradeTime()).isEqualTo(Instant.parse("2026-11-24T20:30:00.123Z")); // 14:30:00.123 CST
        assertThat(trade.businessDate()).isEqualTo(LocalDate.of(2026, 11, 24));
    }

    @Test
    void batchOfThreeIncludingANegativePriceAndTheCnyTokenFutureIsReadInOrder() throws IOException {
        List<FixmlTradeReport> reports;
        try (InputStream in = resource("batch-three-trades.xml")) {
            reports = reader.read(in);
        }

        assertThat(reports).extracting(FixmlTradeReport::position).containsExactly(1, 2, 3);
        assertThat(reports).allSatisfy(report -> assertThat(report.problems()).isEmpty());
        assertThat(reports).extracting(FixmlTradeReport::trade).containsExactly(
                new TradeSubmission("XC-20261124-000201", "GB200-202702", 10L, new BigDecimal("5.310"),
                        "BRAVO-H", "ALPHA-H", Instant.parse("2026-11-24T20:41:07.250Z"), LocalDate.of(2026, 11, 24)),
                new TradeSubmission("XC-20261124-000202", "GH100-202703", 3L, new BigDecimal("-0.015"),
                        "BRAVO-H", "ALPHA-H", Instant.parse("2026-11-24T20:44:59Z"), LocalDate.of(2026, 11, 24)),
                new TradeSubmission("XC-20261124-000203", "TKFRC-202702", 40L, new BigDecimal("18.45"),
                        "ALPHA-C01", "BRAVO-H", Instant.parse("2026-11-24T13:05:00Z"), LocalDate.of(2026, 11, 25)));
        assertThat(reports).extracting(FixmlTradeReport::reportId)
                .containsExactly("RPT-20261124-000201", "RPT-20261124-000202", "RPT-20261124-000203");
        assertThat(reports).extracting(FixmlTradeReport::buyClearingFirmId).containsExactly("BRAVO", "BRAVO", "ALPHA");
        assertThat(reports).extracting(FixmlTradeReport::sellClearingFirmId).containsExactly("ALPHA", "ALPHA", "BRAVO");
        assertThat(reports.get(2).tradeDate()).isEqualTo(LocalDate.of(2026, 11, 24)); // night session: BizDt is next day
    }

    @Test
    void cancelReportNamesTheTradeToBustWithItsOwnReportId() throws IOException {
        FixmlTradeReport report;
        try (InputStream in = resource("trdcaptrpt-gh100-cancel.xml")) {
            report = reader.read(in).getFirst();
        }

        assertThat(report.problems()).isEmpty();
        assertThat(report.transactionType()).isEqualTo(TransactionType.CANCEL);
        assertThat(report.reportId()).isEqualTo("RPT-20261124-000190");
        assertThat(report.trade().exchangeTradeId()).isEqualTo("XC-20261124-000187");
        assertThat(report.trade().instrumentId()).isEqualTo("GH100-202701");
        assertThat(report.trade().quantity()).isEqualTo(25L);
    }

    @ParameterizedTest(name = "TransTyp={0} is {1}")
    @CsvSource({"0, NEW", "1, CANCEL", "2, REPLACE"})
    void transTypIsTheTransactionType(String transTyp, TransactionType expected) {
        FixmlTradeReport report = single(withAttribute("TransTyp", transTyp));

        assertThat(report.transactionType()).isEqualTo(expected);
        assertThat(report.usable()).isTrue();
    }

    @Test
    void missingTransTypMeansNew() {
        assertThat(single(withoutAttribute("TransTyp")).transactionType()).isEqualTo(TransactionType.NEW);
    }

    @Test
    void execIdStandsInForAMissingTrdIdAndTheReportSaysSo() {
        FixmlTradeReport report = single(replacing("TrdID=\"T-1\"", "ExecID=\"E-77\""));

        assertThat(report.problems()).isEmpty();
        assertThat(report.trade().exchangeTradeId()).isEqualTo("E-77");
        assertThat(report.tradeIdSource()).isEqualTo(TradeIdSource.EXEC_ID);
    }

    @Test
    void trdIdWinsOverExecIdWhenBothArePresent() {
        FixmlTradeReport report = single(replacing("TrdID=\"T-1\"", "TrdID=\"T-1\" ExecID=\"E-77\""));

        assertThat(report.trade().exchangeTradeId()).isEqualTo("T-1");
        assertThat(report.tradeIdSource()).isEqualTo(TradeIdSource.TRD_ID);
    }

    @Test
    void symNamesTheContractWhenIdIsAbsent() {
        FixmlTradeReport report = single(replacing("ID=\"GH100\" Src=\"H\"", "Sym=\"GH100\""));

        assertThat(report.problems()).isEmpty();
        assertThat(report.trade().instrumentId()).isEqualTo("GH100-202701");
    }

    @Test
    void contractMonthWithADayKeepsOnlyYearAndMonth() {
        assertThat(single(withAttribute("MMY", "20270115")).trade().instrumentId()).isEqualTo("GH100-202701");
    }

    @Test
    void acctOnTheSideWinsOverTheCustomerAccountParty() {
        FixmlTradeReport report = single(replacing("<RptSide Side=\"1\">", "<RptSide Side=\"1\" Acct=\"ALPHA-C07\">"));

        assertThat(report.trade().buyerAccountId()).isEqualTo("ALPHA-C07");
        assertThat(report.trade().sellerAccountId()).isEqualTo("BRAVO-H");
    }

    @Test
    void sidesWithoutAClearingFirmPartyAreStillUsable() {
        FixmlTradeReport report = single(replacing("<Pty ID=\"ALPHA\" R=\"4\"/>", "<Pty ID=\"ALPHA\" R=\"1\"/>"));

        assertThat(report.problems()).isEmpty();
        assertThat(report.buyClearingFirmId()).isNull();
        assertThat(report.sellClearingFirmId()).isEqualTo("BRAVO");
    }

    @ParameterizedTest(name = "TxnTm {0} is {1}")
    @CsvSource({
            "2026-11-24T14:30:00.123-06:00, 2026-11-24T20:30:00.123Z",
            "2026-11-24T20:30:00Z,          2026-11-24T20:30:00Z",
            "2026-11-25T04:30:00+08:00,     2026-11-24T20:30:00Z",
            "2026-11-24T20:30:00.5,         2026-11-24T20:30:00.500Z",
            "2026-11-24T20:30:00,           2026-11-24T20:30:00Z",
            "20261124-20:30:00.123,         2026-11-24T20:30:00.123Z",
            "2026-11-24T20:30:00.123456789Z, 2026-11-24T20:30:00.123456789Z"})
    void transactionTimeIsNormalisedToAnInstantWithUtcWhenNoOffsetIsGiven(String txnTm, Instant expected) {
        FixmlTradeReport report = single(withAttribute("TxnTm", txnTm));

        assertThat(report.problems()).isEmpty();
        assertThat(report.trade().tradeTime()).isEqualTo(expected);
    }

    @Test
    void datesAreAlsoAcceptedInTheTagValueFormYyyymmdd() {
        FixmlTradeReport report = single(replacing("TrdDt=\"2026-11-24\" BizDt=\"2026-11-24\"",
                "TrdDt=\"20261124\" BizDt=\"20261125\""));

        assertThat(report.tradeDate()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(report.trade().businessDate()).isEqualTo(LocalDate.of(2026, 11, 25));
    }

    @Test
    void tradeDateIsOptional() {
        FixmlTradeReport report = single(withoutAttribute("TrdDt"));

        assertThat(report.problems()).isEmpty();
        assertThat(report.tradeDate()).isNull();
    }

    @Test
    void zeroPriceIsAPrice() {
        FixmlTradeReport report = single(withAttribute("LastPx", "0"));

        assertThat(report.problems()).isEmpty();
        assertThat(report.trade().price()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void elementsMayCarryAFixmlNamespacePrefix() {
        String prefixed = """
                <f:FIXML xmlns:f="http://www.fixprotocol.org/FIXML-5-0-SP2" v="5.0 SP2"><f:Batch>
                  <f:TrdCaptRpt RptID="R-9" TrdID="T-9" LastQty="1" LastPx="5.3" BizDt="2026-11-24"
                                TxnTm="2026-11-24T20:30:00Z">
                    <f:Instrmt ID="GB200" MMY="202612"/>
                    <f:RptSide Side="1" Acct="ALPHA-H"/>
                    <f:RptSide Side="2" Acct="BRAVO-H"/>
                  </f:TrdCaptRpt>
                </f:Batch></f:FIXML>
                """;

        FixmlTradeReport report = single(prefixed);

        assertThat(report.problems()).isEmpty();
        assertThat(report.trade().instrumentId()).isEqualTo("GB200-202612");
        assertThat(report.trade().buyerAccountId()).isEqualTo("ALPHA-H");
        assertThat(report.trade().sellerAccountId()).isEqualTo("BRAVO-H");
    }

    @Test
    void aSideInAForeignNamespaceIsNotAFixmlSide() {
        String document = replacing("<RptSide Side=\"2\">", "<RptSide xmlns=\"urn:vendor\" Side=\"2\">");

        assertThat(single(document).problems()).extracting(Object::toString).containsExactly(
                "RptSide: needs one buy (Side=1) and one sell (Side=2) side, found 1 buy");
    }

    @Test
    void severalBatchesInOneDocumentAreReadAsOneSequence() {
        String report = VALID.substring(VALID.indexOf("<TrdCaptRpt"), VALID.indexOf("</FIXML>"));
        String document = "<FIXML v=\"5.0 SP2\"><Batch>" + report + "</Batch><Batch>" + report + report
                + "</Batch></FIXML>";

        assertThat(reader.read(document)).extracting(FixmlTradeReport::position).containsExactly(1, 2, 3);
    }

    @Test
    void encodingIsTakenFromTheXmlDeclaration() {
        String latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + VALID.replace("R-1", "R-\u00e91");

        FixmlTradeReport report = reader.read(new ByteArrayInputStream(latin1.getBytes(StandardCharsets.ISO_8859_1)))
                .getFirst();

        assertThat(report.reportId()).isEqualTo("R-\u00e91");
    }

    private FixmlTradeReport single(String document) {
        List<FixmlTradeReport> reports = reader.read(document);
        assertThat(reports).hasSize(1);
        return reports.getFirst();
    }
}
