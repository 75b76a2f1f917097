package io.computeclearing.margin.parameters;

import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.testsupport.Simultaneous;
import io.computeclearing.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Revisions of one family sent at the same moment are numbered one after the other, as when sent in turn (each
 * revision is a new version, so each answers 201); never a 5xx on the (family, version) key.
 */
@QuarkusTest
class SimultaneousRevisionTest {

    private static final int CLIENTS = 8;

    @Inject
    DatabaseProbe db;

    @Test
    void eightSimultaneousRevisionsOfANewFamilyBecomeVersionsOneToEight() {
        String family = "ZR" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String body = """
                {"effectiveFrom":"%s","currency":"USD","contractUnit":1000,"priceScanFraction":0.25,
                 "referencePrice":3.10,"extremeMoveMultiple":3,"extremeMoveCover":0.33,"intraSpreadCharge":15.00,
                 "ratioHouse":1.00,"ratioClientOmnibus":1.10,"ratioClientSegregated":1.10}"""
                .formatted(LocalDate.now(ZoneOffset.UTC).plusDays(1));

        List<Response> answers = Simultaneous.send(CLIENTS, () -> given().auth().oauth2(TestTokens.risk())
                .contentType(ContentType.JSON).body(body).put("/risk-parameters/" + family));

        assertThat(Simultaneous.statuses(answers)).containsOnly(201);
        assertThat(answers.stream().map(a -> a.jsonPath().getInt("version")).sorted().toList())
                .isEqualTo(IntStream.rangeClosed(1, CLIENTS).boxed().toList());
        assertThat(db.count("select count(*) from risk_parameters where family = ?", family)).isEqualTo(CLIENTS);
    }
}
