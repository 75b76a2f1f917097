package io.computeclearing.settlement.index;

import io.computeclearing.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

/** Index definitions and methodologies: seeded for the default catalogue, managed by the back office, read by all. */
@QuarkusTest
class IndexCatalogueTest {

    @Test
    void theIndicesOfTheDefaultCatalogueAreThereWithVersionOneOfTheirMethodology() {
        IndexApi.as(TestTokens.member("ANY")).get("/indices").then().statusCode(200)
                .body("id", hasItems("SDH100RT", "SDB200RT", "TOKEN-FRONTIER-USD", "TOKEN-FRONTIER-CNY"));
        IndexApi.as(TestTokens.member("ANY")).get("/indices/TOKEN-FRONTIER-CNY").then().statusCode(200)
                .body("currency", equalTo("CNY"))
                .body("valueScale", equalTo(4))
                .body("publicationTime", equalTo("15:00:00"))
                .body("publicationZone", equalTo("Asia/Shanghai"))
                .body("unit", containsString("million output tokens"));
        IndexApi.as(TestTokens.member("ANY")).get("/indices/SDH100RT/methodology").then().statusCode(200)
                .body("version", equalTo(1))
                .body("label", equalTo("VOLUME_WEIGHTED_MEDIAN v1"))
                .body("minContributors", equalTo(3))
                .body("stalenessLimit", equalTo("PT24H"))
                .body("outlierMadMultiple", equalTo(5))
                .body("inputHierarchy", equalTo("TRANSACTION_BEFORE_LISTING"));
        IndexApi.backOffice().get("/indices/NOPE").then().statusCode(404)
                .body("type", equalTo("/problems/not-found"));
    }

    @Test
    void theBackOfficeDefinesAnIndexAndRewritesItsDescription() {
        String id = IndexApi.unique("NEW");
        String body = """
                {"id":"%s","name":"RTX 5090 rental index","unit":"USD per GPU-hour (RTX 5090)","currency":"USD",
                 "valueScale":3,"publicationTime":"17:30","publicationZone":"Europe/London",
                 "description":"Volume-weighted median of rentals"}""".formatted(id);
        IndexApi.backOffice().body(body).post("/indices").then().statusCode(201)
                .body("valueScale", equalTo(3))
                .body("publicationTime", equalTo("17:30:00"));
        IndexApi.backOffice().body(body).post("/indices").then().statusCode(409)
                .body("type", equalTo("/problems/index-exists"));

        IndexApi.backOffice().body("""
                        {"description":"Volume-weighted median of completed rentals, listings as fallback"}""")
                .put("/indices/{id}/description", id).then().statusCode(200)
                .body("description", equalTo("Volume-weighted median of completed rentals, listings as fallback"));
        IndexApi.as(TestTokens.risk()).get("/indices/{id}", id).then().statusCode(200)
                .body("description", containsString("listings as fallback"));
        // no methodology yet
        IndexApi.backOffice().get("/indices/{id}/methodology", id).then().statusCode(404);
    }

    @Test
    void anInvalidIndexIsRefusedWithEachRuleNamed() {
        IndexApi.backOffice().body("""
                        {"id":"bad id","name":"","unit":"u","currency":"usd","valueScale":11,
                         "publicationTime":"16:00","publicationZone":"America/New_York","description":"d"}""")
                .post("/indices").then().statusCode(400)
                .body("type", equalTo("/problems/validation"))
                .body("violations.field", hasItems("id", "name", "currency", "valueScale"));
        IndexApi.backOffice().body("""
                        {"id":"%s","name":"n","unit":"u","currency":"USD","valueScale":4,
                         "publicationTime":"16:00","publicationZone":"Mars/Olympus","description":"d"}"""
                        .formatted(IndexApi.unique("ZONE")))
                .post("/indices").then().statusCode(400)
                .body("violations[0].field", equalTo("publicationZone"));
    }

    @Test
    void aNewMethodologyVersionNeverOverwritesTheOldOne() {
        String id = IndexApi.newIndex(IndexApi.MEDIAN_OF_THREE);
        IndexApi.backOffice().body("""
                        {"method":"TRIMMED_MEAN","trimFraction":0.1,"minContributors":5,"stalenessLimit":"PT6H",
                         "outlierMadMultiple":3.5,"changeReason":"more providers joined the panel"}""")
                .post("/indices/{id}/methodology", id).then().statusCode(201)
                .body("version", equalTo(2))
                .body("createdBy", equalTo("back.office"));

        IndexApi.as(TestTokens.member("ANY")).get("/indices/{id}/methodology", id).then().statusCode(200)
                .body("label", equalTo("TRIMMED_MEAN v2"))
                .body("trimFraction", equalTo(new BigDecimal("0.1")))
                .body("stalenessLimit", equalTo("PT6H"));
        IndexApi.as(TestTokens.member("ANY")).get("/indices/{id}/methodology/versions", id).then().statusCode(200)
                .body("$", hasSize(2))
                .body("[0].method", equalTo("VOLUME_WEIGHTED_MEDIAN"))
                .body("[0].minContributors", equalTo(3))
                .body("[1].minContributors", equalTo(5));
    }

    @Test
    void aMethodologyThatCannotWorkIsRefused() {
        String id = IndexApi.newIndex(IndexApi.MEDIAN_OF_THREE);
        IndexApi.backOffice().body("""
                        {"method":"TRIMMED_MEAN","trimFraction":0.5,"minContributors":0,"stalenessLimit":"PT6H",
                         "outlierMadMultiple":0,"changeReason":"x"}""")
                .post("/indices/{id}/methodology", id).then().statusCode(400)
                .body("violations.field", hasItems("trimFraction", "minContributors", "outlierMadMultiple"));
        IndexApi.backOffice().body("""
                        {"method":"VOLUME_WEIGHTED_MEDIAN","trimFraction":0.2,"minContributors":3,
                         "stalenessLimit":"PT6H","outlierMadMultiple":5,"changeReason":"x"}""")
                .post("/indices/{id}/methodology", id).then().statusCode(400)
                .body("violations[0].field", equalTo("trimFraction"));
        IndexApi.backOffice().body("""
                        {"method":"VOLUME_WEIGHTED_MEDIAN","minContributors":3,"stalenessLimit":"-PT6H",
                         "outlierMadMultiple":5,"changeReason":"x"}""")
                .post("/indices/{id}/methodology", id).then().statusCode(400)
                .body("violations[0].field", equalTo("stalenessLimit"));
        IndexApi.backOffice().get("/indices/{id}/methodology/versions", id).then().body("$", hasSize(1));
    }
}
