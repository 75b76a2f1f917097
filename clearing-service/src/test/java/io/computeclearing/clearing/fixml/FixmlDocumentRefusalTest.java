package io.computeclearing.clearing.fixml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.computeclearing.clearing.fixml.TrdCaptRptDocuments.VALID;
import static io.computeclearing.clearing.fixml.TrdCaptRptDocuments.resourceText;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Documents that cannot be read at all fail as a whole, with one exception saying why; nothing is half-read. */
class FixmlDocumentRefusalTest {

    private static final String SECRET = "root:x:0:0:do-not-leak";

    private final FixmlTradeCaptureReader reader = new FixmlTradeCaptureReader();

    @Test
    void externalEntityIsRefusedAndNothingIsRead(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("passwd"), SECRET);
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE FIXML [<!ENTITY xxe SYSTEM "%s">]>
                <FIXML v="5.0 SP2">
                  <TrdCaptRpt RptID="&xxe;" TrdID="T-1" LastQty="25" LastPx="2.605" BizDt="2026-11-24"
                              TxnTm="2026-11-24T20:30:00Z">
                    <Instrmt ID="GH100" MMY="202701"/>
                    <RptSide Side="1" Acct="ALPHA-H"/><RptSide Side="2" Acct="BRAVO-H"/>
                  </TrdCaptRpt>
                </FIXML>
                """.formatted(secret.toUri());

        assertThatThrownBy(() -> reader.read(xxe))
                .isInstanceOf(FixmlException.class)
                .hasMessageStartingWith("Refused: the document declares a DOCTYPE.")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void externalDtdIsRefusedWithoutBeingFetched(@TempDir Path dir) throws IOException {
        Path dtd = Files.writeString(dir.resolve("evil.dtd"), "<!ENTITY leak \"" + SECRET + "\">");
        String document = "<!DOCTYPE FIXML SYSTEM \"" + dtd.toUri() + "\">" + VALID.replace("R-1", "&leak;");

        assertThatThrownBy(() -> reader.read(document))
                .isInstanceOf(FixmlException.class)
                .hasMessageStartingWith("Refused: the document declares a DOCTYPE.")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void entityExpansionBombIsRefused() {
        String bomb = """
                <!DOCTYPE FIXML [
                  <!ENTITY a "aaaaaaaaaa">
                  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
                  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
                ]>
                <FIXML v="5.0 SP2"><TrdCaptRpt RptID="&c;"/></FIXML>
                """;

        assertThatThrownBy(() -> reader.read(bomb))
                .isInstanceOf(FixmlException.class)
                .hasMessageStartingWith("Refused: the document declares a DOCTYPE.");
    }

    @Test
    void textThatIsNotXmlIsRefusedWithTheParsersReason() {
        assertThatThrownBy(() -> reader.read("RptID=R-1 LastQty=25 LastPx=2.605"))
                .isInstanceOf(FixmlException.class)
                .hasMessage("Not well-formed XML (line 1, column 1): Content is not allowed in prolog.");
    }

    @Test
    void jsonIsNotFixml() {
        assertThatThrownBy(() -> reader.read("{\"exchangeTradeId\": \"T-1\", \"quantity\": 25}"))
                .isInstanceOf(FixmlException.class)
                .hasMessageStartingWith("Not well-formed XML");
    }

    @Test
    void emptyBodyIsRefused() {
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(FixmlException.class)
                .hasMessageStartingWith("Not well-formed XML")
                .hasMessageContaining("Premature end of file");
    }

    @Test
    void truncatedBatchIsRefusedAsAWholeEvenThoughItsFirstReportsAreComplete() {
        String batch = resourceText("batch-three-trades.xml");
        String truncated = batch.substring(0, batch.lastIndexOf("<TrdCaptRpt"));

        assertThatThrownBy(() -> reader.read(truncated))
                .isInstanceOf(FixmlException.class)
                .hasMessageStartingWith("Not well-formed XML");
    }

    @Test
    void contentAfterTheRootRefusesTheDocument() {
        assertThatThrownBy(() -> reader.read(VALID + "<FIXML/>"))
                .isInstanceOf(FixmlException.class)
                .hasMessageStartingWith("Not well-formed XML");
    }

    @Test
    void wellFormedXmlThatIsNotFixmlIsRefused() {
        String bare = VALID.substring(VALID.indexOf("<TrdCaptRpt"), VALID.indexOf("</FIXML>"));

        assertThatThrownBy(() -> reader.read(bare))
                .isInstanceOf(FixmlException.class)
                .hasMessage("Not a FIXML document: the root element is <TrdCaptRpt>, expected <FIXML>.");
    }

    @Test
    void fixmlOfAnotherNamespaceIsRefused() {
        String fix44 = VALID.replace("<FIXML v=\"5.0 SP2\">", "<FIXML xmlns=\"http://www.fixprotocol.org/FIXML-4-4\">");

        assertThatThrownBy(() -> reader.read(fix44))
                .isInstanceOf(FixmlException.class)
                .hasMessage("Not a FIXML 5.0 SP2 document: the root element is in namespace "
                        + "'http://www.fixprotocol.org/FIXML-4-4', expected "
                        + "'http://www.fixprotocol.org/FIXML-5-0-SP2' or none.");
    }

    @Test
    void anotherFixmlVersionIsRefused() {
        assertThatThrownBy(() -> reader.read(VALID.replace("v=\"5.0 SP2\"", "v=\"4.4\"")))
                .isInstanceOf(FixmlException.class)
                .hasMessage("Unsupported FIXML version '4.4': this reader takes FIXML 5.0 SP2.");
    }

    @Test
    void aMessageOtherThanTrdCaptRptIsRefused() {
        String allocation = "<FIXML v=\"5.0 SP2\"><AllocInstrctn ID=\"A-1\" TransTyp=\"0\"/></FIXML>";

        assertThatThrownBy(() -> reader.read(allocation))
                .isInstanceOf(FixmlException.class)
                .hasMessage("FIXML message <AllocInstrctn> at position 1 is not a trade capture report: "
                        + "only TrdCaptRpt is accepted here.");
    }

    @Test
    void aFixmlDocumentWithoutReportsIsRefused() {
        assertThatThrownBy(() -> reader.read("<FIXML v=\"5.0 SP2\"><Batch/></FIXML>"))
                .isInstanceOf(FixmlException.class)
                .hasMessage("The FIXML document holds no TrdCaptRpt message.");
    }
}
