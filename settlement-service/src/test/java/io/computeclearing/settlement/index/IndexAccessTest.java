package io.computeclearing.settlement.index;

import io.computeclearing.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.computeclearing.settlement.index.IndexApi.observation;

/**
 * Who may do what with indices: everyone with a token reads definitions, methodologies and values; the index provider
 * records values and nothing else; only the back office manages indices, submits observations, computes values and
 * sees a computation's inputs.
 */
@QuarkusTest
class IndexAccessTest {

    private static final String MEMBER = TestTokens.member("ANY");

    @Test
    void withoutATokenNothingIsAnswered() {
        IndexApi.anonymous().get("/indices").then().statusCode(401);
        IndexApi.anonymous().get("/indices/SDH100RT/methodology").then().statusCode(401);
        IndexApi.anonymous().queryParam("from", "2026-11-01").queryParam("to", "2026-11-30")
                .get("/indices/SDH100RT/values").then().statusCode(401);
        IndexApi.anonymous().body("""
                        {"valueDate":"2026-11-30","value":2.45}""")
                .post("/indices/SDH100RT/values").then().statusCode(401);
        IndexApi.anonymous().get("/indices/SDH100RT/computations/2026-11-30").then().statusCode(401);
    }

    @Test
    void everyRoleReadsDefinitionsMethodologiesAndValues() {
        for (String token : new String[] {MEMBER, TestTokens.risk(), TestTokens.admin(), TestTokens.backOffice(),
                IndexApi.indexProviderToken()}) {
            IndexApi.as(token).get("/indices").then().statusCode(200);
            IndexApi.as(token).get("/indices/SDB200RT").then().statusCode(200);
            IndexApi.as(token).get("/indices/SDB200RT/methodology").then().statusCode(200);
            IndexApi.as(token).queryParam("from", "2026-11-01").queryParam("to", "2026-11-30")
                    .get("/indices/SDB200RT/values").then().statusCode(200);
        }
    }

    @Test
    void aMemberMayNotRecordValuesManageIndicesOrSeeInputs() {
        IndexApi.as(MEMBER).body("""
                        {"valueDate":"%s","value":2.45}""".formatted(IndexApi.uniqueDate()))
                .post("/indices/SDH100RT/values").then().statusCode(403);
        IndexApi.as(MEMBER).body(observation("m1", "A", "TRANSACTION", "2.5", "1", Instant.now()))
                .post("/indices/SDH100RT/observations").then().statusCode(403);
        IndexApi.as(MEMBER).body("""
                        {"valueDate":"2026-11-30"}""")
                .post("/indices/SDH100RT/computations").then().statusCode(403);
        IndexApi.as(MEMBER).get("/indices/SDH100RT/computations/2026-11-30").then().statusCode(403);
        IndexApi.as(MEMBER).body("""
                        {"description":"mine now"}""")
                .put("/indices/SDH100RT/description").then().statusCode(403);
        IndexApi.as(MEMBER).body(IndexApi.MEDIAN_OF_THREE)
                .post("/indices/SDH100RT/methodology").then().statusCode(403);
    }

    @Test
    void riskAndAdminReadButDoNotSeeComputationInputs() {
        IndexApi.as(TestTokens.risk()).get("/indices/SDH100RT/computations/2026-11-30").then().statusCode(403);
        IndexApi.as(TestTokens.admin()).get("/indices/SDH100RT/computations/2026-11-30").then().statusCode(403);
        IndexApi.as(TestTokens.risk()).body("""
                        {"valueDate":"%s","value":2.45}""".formatted(IndexApi.uniqueDate()))
                .post("/indices/SDH100RT/values").then().statusCode(403);
    }

    @Test
    void theIndexProviderRecordsValuesButNotObservationsOrComputations() {
        IndexApi.indexProvider().body("""
                        {"valueDate":"%s","value":2.45}""".formatted(IndexApi.uniqueDate()))
                .post("/indices/SDH100RT/values").then().statusCode(201);
        IndexApi.indexProvider().body(observation("p1", "A", "TRANSACTION", "2.5", "1", Instant.now()))
                .post("/indices/SDH100RT/observations").then().statusCode(403);
        IndexApi.indexProvider().body("""
                        {"valueDate":"2026-11-30"}""")
                .post("/indices/SDH100RT/computations").then().statusCode(403);
        IndexApi.indexProvider().get("/indices/SDH100RT/computations/2026-11-30").then().statusCode(403);
        IndexApi.indexProvider().body("""
                        {"id":"PROV-OWN","name":"n","unit":"u","currency":"USD","valueScale":4,
                         "publicationTime":"16:00","publicationZone":"America/New_York","description":"d"}""")
                .post("/indices").then().statusCode(403);
    }
}
