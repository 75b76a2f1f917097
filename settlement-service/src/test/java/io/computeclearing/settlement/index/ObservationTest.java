package io.computeclearing.settlement.index;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static io.computeclearing.settlement.index.IndexApi.observation;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** Panel observations: one or a list, idempotent by the submitter's observation id, all or nothing. */
@QuarkusTest
class ObservationTest {

    private static final Instant AT = Instant.parse("2026-11-27T15:00:00Z");

    @Test
    void aResubmittedObservationIsAReplayAndAListMayMixNewAndReplayed() {
        String index = IndexApi.newIndex(IndexApi.MEDIAN_OF_THREE);
        String first = observation("obs-1", "A", "TRANSACTION", "2.50", "120.5", AT);

        IndexApi.backOffice().body(first).post("/indices/{id}/observations", index).then().statusCode(201)
                .body("created", equalTo(1))
                .body("replayed", equalTo(0))
                .body("observations[0].price", equalTo(new BigDecimal("2.50")))
                .body("observations[0].volume", equalTo(new BigDecimal("120.5")))
                .body("observations[0].kind", equalTo("TRANSACTION"))
                .body("observations[0].submittedBy", equalTo("back.office"));
        // 2.5 and 2.50 are the same price: a replay
        IndexApi.backOffice().body(observation("obs-1", "A", "TRANSACTION", "2.5", "120.50", AT))
                .post("/indices/{id}/observations", index).then().statusCode(200)
                .body("created", equalTo(0))
                .body("replayed", equalTo(1));
        IndexApi.backOffice().body("[" + first + "," + observation("obs-2", "B", "LISTING", "-0.10", "1", AT) + "]")
                .post("/indices/{id}/observations", index).then().statusCode(201)
                .body("created", equalTo(1))
                .body("replayed", equalTo(1))
                .body("observations.observationId", hasItems("obs-1", "obs-2"));
    }

    @Test
    void aReusedIdWithDifferentContentIsRefused() {
        String index = IndexApi.newIndex(IndexApi.MEDIAN_OF_THREE);
        IndexApi.backOffice().body(observation("obs-1", "A", "TRANSACTION", "2.50", "10", AT))
                .post("/indices/{id}/observations", index).then().statusCode(201);

        IndexApi.backOffice().body(observation("obs-1", "A", "TRANSACTION", "2.55", "10", AT))
                .post("/indices/{id}/observations", index).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/observation-conflict"));
    }

    @Test
    void oneInvalidObservationRefusesTheWholeListAndStoresNothing() {
        String index = IndexApi.newIndex(IndexApi.MEDIAN_OF_THREE);
        String good = observation("good", "A", "TRANSACTION", "2.50", "10", AT);
        String zeroVolume = observation("bad", "B", "TRANSACTION", "2.50", "0", AT);

        IndexApi.backOffice().body("[" + good + "," + zeroVolume + "]")
                .post("/indices/{id}/observations", index).then().statusCode(400)
                .body("type", equalTo("/problems/validation"))
                .body("violations[0].field", equalTo("[1].volume"));
        IndexApi.backOffice().body("""
                        {"observationId":"x","provider":"A","kind":"RUMOUR","price":1,"volume":1,
                         "observedAt":"2026-11-27T15:00:00Z"}""")
                .post("/indices/{id}/observations", index).then().statusCode(400);
        IndexApi.backOffice().body("[]").post("/indices/{id}/observations", index).then().statusCode(400);

        // the good one was not stored by the refused list: submitting it now creates it
        IndexApi.backOffice().body(good).post("/indices/{id}/observations", index).then().statusCode(201)
                .body("created", equalTo(1));
        IndexApi.backOffice().body(good).post("/indices/NO-SUCH-INDEX/observations").then().statusCode(404);
    }
}
