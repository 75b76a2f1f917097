package io.computeclearing.clearing.fixml;

import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.clearing.Accounts;
import io.computeclearing.clearing.Api;
import io.computeclearing.clearing.TestTrade;
import io.computeclearing.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * {@code POST /trades/fixml} with the realistic samples under {@code src/test/resources/fixml/}, their parties,
 * instrument and dates replaced by this test's own (the catalogue lists instruments from the current month).
 */
@QuarkusTest
class FixmlCaptureResourceTest {

    @Inject
    DatabaseProbe database;

    /** The sample's parties, trade id, instrument month and dates, as this test needs them. */
    private record Sample(String buyerMember, String buyer, String sellerMember, String seller, String tradeId,
                          String instrument) {

        String render(String resource) {
            LocalDate today = Api.today();
            String month = instrument.substring(instrument.indexOf('-') + 1);
            return TrdCaptRptDocuments.resourceText(resource)
                    .replace("ALPHA-H", buyer).replace("BRAVO-H", seller)
                    .replace("\"ALPHA\"", "\"" + buyerMember + "\"").replace("\"BRAVO\"", "\"" + sellerMember + "\"")
                    .replace("XC-20261124-000187", tradeId)
                    .replace("MMY=\"202701\"", "MMY=\"" + month + "\"")
                    .replace("ID=\"GH100\"", "ID=\"" + instrument.substring(0, instrument.indexOf('-')) + "\"")
                    .replace("2026-11-24", today.toString());
        }
    }

    private static Sample sample(String prefix) {
        String buyerMember = Accounts.member(prefix + "A");
        String sellerMember = Accounts.member(prefix + "B");
        String buyer = Accounts.open(buyerMember, "HOUSE");
        String seller = Accounts.open(sellerMember, "CLIENT_OMNIBUS");
        Accounts.awaitTradable(buyer, seller);
        return new Sample(buyerMember, buyer, sellerMember, seller, Api.unique("XC-FIX-"), Api.listed("GH100").get(1));
    }

    private static Response post(String document) {
        return Api.backOffice().contentType("application/xml").body(document).post("/trades/fixml");
    }

    @Test
    void aFixmlTradeClearsToTheSamePositionsAsTheSameJsonTrade() {
        Sample fixml = sample("FXN");
        Sample json = sample("FXJ");
        post(fixml.render("trdcaptrpt-gh100-new.xml")).then().statusCode(200)
                .body("accepted", equalTo(1))
                .body("results[0].position", equalTo(1))
                .body("results[0].reportId", equalTo("RPT-20261124-000187"))
                .body("results[0].exchangeTradeId", equalTo(fixml.tradeId()))
                .body("results[0].transactionType", equalTo("NEW"))
                .body("results[0].status", equalTo("ACCEPTED"));
        Api.clear(TestTrade.of(json.instrument(), 25, "2.605", json.buyer(), json.seller()));

        assertThat(Api.position(fixml.buyer(), fixml.instrument())).isEqualTo(Api.position(json.buyer(),
                json.instrument())).containsExactly(25L, 0L);
        assertThat(Api.position(fixml.seller(), fixml.instrument())).isEqualTo(Api.position(json.seller(),
                json.instrument())).containsExactly(0L, 25L);
        // The same report again is a duplicate, with no second effect; text/xml is accepted as well.
        Api.backOffice().contentType("text/xml").body(fixml.render("trdcaptrpt-gh100-new.xml")).post("/trades/fixml")
                .then().statusCode(200).body("results[0].status", equalTo("DUPLICATE"));
        assertThat(Api.position(fixml.buyer(), fixml.instrument())).containsExactly(25L, 0L);
    }

    @Test
    void cancelBustsAndReplaceCorrectsByExchangeTradeId() {
        Sample s = sample("FXC");
        post(s.render("trdcaptrpt-gh100-new.xml")).then().statusCode(200).body("accepted", equalTo(1));
        String replace = s.render("trdcaptrpt-gh100-new.xml").replace("TransTyp=\"0\"", "TransTyp=\"2\"")
                .replace("LastQty=\"25\"", "LastQty=\"20\"");
        post(replace).then().statusCode(200).body("corrected", equalTo(1))
                .body("results[0].status", equalTo("CORRECTED"))
                .body("results[0].transactionType", equalTo("REPLACE"));
        assertThat(Api.position(s.buyer(), s.instrument())).containsExactly(20L, 0L);
        assertThat(Api.position(s.seller(), s.instrument())).containsExactly(0L, 20L);
        post(replace).then().statusCode(200).body("results[0].status", equalTo("DUPLICATE"));

        post(s.render("trdcaptrpt-gh100-cancel.xml")).then().statusCode(200).body("busted", equalTo(1))
                .body("results[0].status", equalTo("BUSTED"));
        assertThat(Api.position(s.buyer(), s.instrument())).containsExactly(0L, 0L);
        assertThat(Api.position(s.seller(), s.instrument())).containsExactly(0L, 0L);
        post(s.render("trdcaptrpt-gh100-cancel.xml")).then().statusCode(200)
                .body("results[0].status", equalTo("DUPLICATE"));

        Sample unknown = new Sample(s.buyerMember(), s.buyer(), s.sellerMember(), s.seller(), "XC-NEVER-SEEN",
                s.instrument());
        post(unknown.render("trdcaptrpt-gh100-cancel.xml")).then().statusCode(200)
                .body("results[0].status", equalTo("REJECTED"))
                .body("results[0].violations[0].field", equalTo("TrdID"));
    }

    @Test
    void anAccountOfAnotherClearingFirmIsRejected() {
        Sample s = sample("FXF");
        Sample wrongFirm = new Sample(s.sellerMember(), s.buyer(), s.sellerMember(), s.seller(), s.tradeId(),
                s.instrument());
        post(wrongFirm.render("trdcaptrpt-gh100-new.xml")).then().statusCode(200)
                .body("rejected", equalTo(1))
                .body("results[0].status", equalTo("REJECTED"))
                .body("results[0].violations[0].field", equalTo("buyerAccountId"))
                .body("results[0].violations[0].message", containsString("not to clearing firm " + s.sellerMember()));
        assertThat(database.count("select count(*) from trade where exchange_trade_id = ?", s.tradeId())).isZero();
    }

    @Test
    void unusableReportsAreRejectedWithTheReadersProblems() {
        Sample s = sample("FXU");
        post(s.render("trdcaptrpt-gh100-new.xml").replace(" LastQty=\"25\"", "")).then().statusCode(200)
                .body("results[0].status", equalTo("REJECTED"))
                .body("results[0].violations.field", org.hamcrest.Matchers.hasItem("LastQty"));
        assertThat(database.count("select count(*) from trade where exchange_trade_id = ?", s.tradeId())).isZero();
    }

    @Test
    void aMalformedDocumentOrAnXxeAttemptIsRefusedWholeAndWritesNothing() {
        Sample s = sample("FXM");
        String good = s.render("trdcaptrpt-gh100-new.xml");
        String truncated = good.substring(0, good.indexOf("</TrdCaptRpt>"));
        post(truncated).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/malformed-fixml"));

        String doctype = "<!DOCTYPE FIXML [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n";
        String xxe = good.replaceFirst("<FIXML ", doctype + "<FIXML ")
                .replace("ClOrdID=\"A-778812\"", "ClOrdID=\"&xxe;\"");
        post(xxe).then().statusCode(400).body("type", equalTo("/problems/malformed-fixml"))
                .body("detail", startsWith("Refused: the document declares a DOCTYPE."));
        assertThat(database.count("select count(*) from trade where exchange_trade_id = ?", s.tradeId())).isZero();
        assertThat(Api.position(s.buyer(), s.instrument())).isEqualTo(List.of(0L, 0L));
    }

    @Test
    void onlyTheBackOfficeReportsTrades() {
        Api.as(TestTokens.member("ALPHA")).contentType("application/xml").body("<FIXML/>").post("/trades/fixml")
                .then().statusCode(403);
    }
}
