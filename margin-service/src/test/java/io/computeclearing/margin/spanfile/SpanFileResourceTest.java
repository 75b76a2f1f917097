package io.computeclearing.margin.spanfile;

import io.computeclearing.margin.parameters.RiskParameterSet;
import io.computeclearing.margin.position.AccountPosition;
import io.computeclearing.margin.prices.SettlementPrice;
import io.computeclearing.platform.security.Roles;
import io.computeclearing.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Who may read and import SPAN files, and refusals as problem+json with nothing written. */
@QuarkusTest
class SpanFileResourceTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private static String currentFile() {
        return given().auth().oauth2(TestTokens.risk()).when().get("/span-files/current")
                .then().statusCode(200).extract().asString();
    }

    @Test
    void membersBackOfficeAndRiskReadTheFileOfTheSeededParameters() {
        given().auth().oauth2(TestTokens.member("M1")).when().get("/span-files/current")
                .then().statusCode(200).contentType(ContentType.XML)
                .header("Content-Disposition", containsString(TODAY.toString().replace("-", "")))
                .body("spanFile.fileFormat", equalTo("4.00"))
                .body("spanFile.pointInTime.date", equalTo(TODAY.toString().replace("-", "")))
                .body("spanFile.pointInTime.clearingOrg.ccDef.cc", hasItem("GH100"))
                // GH100: 2.60 x 25% = 0.65 per GPU-hour
                .body("spanFile.pointInTime.clearingOrg.exchange.phyPf.find { it.pfCode == 'GH100' }.phy.scanRate"
                        + ".priceScan", equalTo("0.65"));
        given().auth().oauth2(TestTokens.backOffice()).queryParam("businessDate", TODAY.plusDays(3).toString())
                .when().get("/span-files/current")
                .then().statusCode(200).body("spanFile.pointInTime.date",
                        equalTo(TODAY.plusDays(3).toString().replace("-", "")));
    }

    @Test
    void eachMonthIsExportedAtItsSettlementPriceOfTheBusinessDate() {
        // A month far out, held but not listed (no other test uses it), settled at 2.70 yesterday and 2.80 today:
        // GH100 scans 25% of it, 0.675 and 0.70 per GPU-hour, so scenario 13 loses 675.00 and 700.00 per lot.
        String month = "GH100-208803";
        QuarkusTransaction.requiringNew().run(() -> {
            AccountPosition held = new AccountPosition();
            held.accountId = "SPANFILE-" + System.nanoTime();
            held.instrumentId = month;
            held.memberId = "M-SPANFILE";
            held.longQuantity = 1;
            held.netQuantity = 1;
            held.businessDate = TODAY;
            held.version = 1;
            held.updatedAt = Instant.now();
            held.persist();
            settle(month, TODAY.minusDays(1), "2.70");
            settle(month, TODAY, "2.80");
        });
        String futures = "spanFile.pointInTime.clearingOrg.exchange.futPf.find { it.pfCode == 'GH100' }"
                + ".fut.find { it.pe == '208803' }";

        given().auth().oauth2(TestTokens.risk()).queryParam("businessDate", TODAY.minusDays(1).toString())
                .when().get("/span-files/current")
                .then().statusCode(200)
                .body(futures + ".p", equalTo("2.7"))
                .body(futures + ".scanRate.priceScan", equalTo("0.675"))
                .body(futures + ".ra.a[12]", equalTo("675.00"));
        given().auth().oauth2(TestTokens.risk()).when().get("/span-files/current")
                .then().statusCode(200)
                .body(futures + ".p", equalTo("2.8"))
                .body(futures + ".ra.a[12]", equalTo("700.00"))
                .body(futures + ".ra.a[14]", equalTo("-693.00"));
    }

    private static void settle(String instrumentId, LocalDate businessDate, String price) {
        SettlementPrice p = new SettlementPrice();
        p.instrumentId = instrumentId;
        p.businessDate = businessDate;
        p.price = new BigDecimal(price);
        p.currency = "USD";
        p.version = 1;
        p.publishedAt = Instant.now();
        p.receivedAt = p.publishedAt;
        p.persist();
    }

    @Test
    void readingNeedsATokenWithARoleThatMayReadIt() {
        given().when().get("/span-files/current").then().statusCode(401);
        given().auth().oauth2(TestTokens.token("index", Set.of(Roles.INDEX_PROVIDER), null))
                .when().get("/span-files/current").then().statusCode(403);
        given().auth().oauth2(TestTokens.risk()).queryParam("businessDate", "24.11.2026")
                .when().get("/span-files/current")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("businessDate"));
    }

    @Test
    void onlyRiskImportsFiles() {
        String file = currentFile();
        given().contentType(ContentType.XML).body(file).when().post("/span-files").then().statusCode(401);
        given().auth().oauth2(TestTokens.member("M1")).contentType(ContentType.XML).body(file)
                .when().post("/span-files").then().statusCode(403);
        given().auth().oauth2(TestTokens.backOffice()).contentType(ContentType.XML).body(file)
                .when().post("/span-files").then().statusCode(403);
    }

    @Test
    void importingTheParametersInForceRecordsNothing() {
        long versions = RiskParameterSet.count();
        int inForce = given().auth().oauth2(TestTokens.risk()).when().get("/risk-parameters/GH100")
                .then().statusCode(200).extract().path("version");
        given().auth().oauth2(TestTokens.risk()).contentType(ContentType.XML).body(currentFile())
                .when().post("/span-files")
                .then().statusCode(200)
                .body("families.find { it.family == 'GH100' }.outcome", equalTo("UNCHANGED"))
                .body("families.find { it.family == 'GH100' }.version", equalTo(inForce));
        assertThat(RiskParameterSet.count()).isEqualTo(versions);
    }

    @Test
    void malformedAndInconsistentFilesAreRefusedAsProblemsAndNothingIsWritten() {
        long versions = RiskParameterSet.count();
        String gh100 = given().auth().oauth2(TestTokens.risk()).when().get("/risk-parameters/GH100")
                .then().statusCode(200).extract().asString();
        // GH100's new house ratio alone would be a new version, but TKFRC's omnibus ratio is below 1: the whole file
        // is refused and GH100 keeps the version in force.
        String changedButInconsistent = currentFile()
                .replaceFirst("(<cc>GH100</cc>[\\s\\S]*?<adjRate>\\s*<r>1</r>\\s*<val>)[0-9.]+", "$11.05")
                .replaceFirst("(<cc>TKFRC</cc>[\\s\\S]*?<adjRate>\\s*<r>2</r>\\s*<val>)[0-9.]+", "$10.5");
        given().auth().oauth2(TestTokens.risk()).contentType(ContentType.XML).body(changedButInconsistent)
                .when().post("/span-files")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", containsString("ccDef[TKFRC]/adjRate[2]/val"));
        given().auth().oauth2(TestTokens.risk()).contentType(ContentType.XML).body("<spanFile><fileFormat>")
                .when().post("/span-files")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/malformed-span-file"));
        given().auth().oauth2(TestTokens.risk()).contentType(ContentType.XML)
                .body("<?xml version=\"1.0\"?><!DOCTYPE spanFile [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<spanFile>&x;</spanFile>")
                .when().post("/span-files")
                .then().statusCode(400).body("detail", containsString("DOCTYPE"));
        given().auth().oauth2(TestTokens.risk()).contentType(ContentType.XML)
                .body(currentFile().replaceFirst("(<pLeg>\\s*<cc>[A-Z0-9]+</cc>\\s*)<rs>A</rs>", "$1<rs>C</rs>"))
                .when().post("/span-files")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/inconsistent-span-file"))
                .body("violations[0].field", containsString("interSpreads/dSpread[1]/pLeg[1]/rs"));
        // GH100 (USD) against TKFRC (CNY): refused as over REST, nothing written.
        given().auth().oauth2(TestTokens.risk()).contentType(ContentType.XML)
                .body(currentFile().replaceFirst("(<pLeg>\\s*)<cc>GB200</cc>", "$1<cc>TKFRC</cc>"))
                .when().post("/span-files")
                .then().statusCode(422).body("type", equalTo("/problems/inter-spread-currencies"));
        given().auth().oauth2(TestTokens.risk()).contentType(ContentType.XML).body(currentFile())
                .queryParam("effectiveFrom", TODAY.minusDays(1).toString())
                .when().post("/span-files")
                .then().statusCode(422).body("violations[0].field", equalTo("effectiveFrom"));

        assertThat(RiskParameterSet.count()).isEqualTo(versions);
        given().auth().oauth2(TestTokens.risk()).when().get("/risk-parameters/GH100")
                .then().statusCode(200).body(equalTo(gh100));
    }
}
