package io.computeclearing.settlement.index;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.settlement.SettlementEvents;
import io.computeclearing.platform.events.settlement.SettlementEvents.IndexValuePublished;
import io.computeclearing.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static io.computeclearing.settlement.index.IndexApi.observation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * Computed index values: the methodology in force applied to the panel's observations up to the cut-off, every input
 * kept with its status, the value rounded half-even to the index's 4 decimals and published.
 */
@QuarkusTest
class IndexComputationTest {

    @Inject
    IndexValues indexValues;

    @Test
    void transactionsAreUsedAndStaleListedAndOutlyingInputsAreRecordedAsExcluded() {
        String index = IndexApi.newIndex(IndexApi.MEDIAN_OF_THREE);
        LocalDate date = LocalDate.of(2026, 11, 30);
        Instant cutoff = Instant.parse("2026-11-30T21:00:00Z");
        submit(index, "[" + String.join(",",
                observation("t1", "A", "TRANSACTION", "2.40", "10", cutoff.minusSeconds(3600)),
                observation("t2", "B", "TRANSACTION", "2.50", "30", cutoff.minusSeconds(7200)),
                observation("t3", "C", "TRANSACTION", "2.60", "20", cutoff.minusSeconds(10800)),
                observation("l1", "D", "LISTING", "2.20", "100", cutoff.minusSeconds(3600)),
                observation("s1", "E", "TRANSACTION", "2.90", "50", cutoff.minus(Duration.ofHours(25))),
                observation("o1", "F", "TRANSACTION", "9.00", "5", cutoff.minusSeconds(3600)),
                observation("late", "G", "TRANSACTION", "1.00", "500", cutoff.plusSeconds(1))) + "]");

        // fresh transactions from A, B, C, F (4 providers >= 3): the listing is lower in the hierarchy.
        // Outliers among 2.40, 2.50, 2.60, 9.00: median 2.55, MAD 0.10, limit 0.50 -> 9.00 out.
        // Volume-weighted median of 2.40 x 10, 2.50 x 30, 2.60 x 20: V = 60, half 30, cumulative 10, 40 -> 2.50.
        // The observation after the cut-off is not considered at all.
        IndexApi.backOffice().body("""
                        {"valueDate":"%s","cutoff":"%s"}""".formatted(date, cutoff))
                .post("/indices/{id}/computations", index).then().statusCode(201)
                .body("value", equalTo(new BigDecimal("2.5000")))
                .body("unroundedValue", equalTo(new BigDecimal("2.50")))
                .body("methodology", equalTo("VOLUME_WEIGHTED_MEDIAN v1"))
                .body("contributors", equalTo(3))
                .body("valueVersion", equalTo(1))
                .body("computedBy", equalTo("back.office"))
                .body("inputs", hasSize(6))
                .body("inputs.find { it.observationId == 't1' }.status", equalTo("USED"))
                .body("inputs.find { it.observationId == 't2' }.status", equalTo("USED"))
                .body("inputs.find { it.observationId == 't3' }.status", equalTo("USED"))
                .body("inputs.find { it.observationId == 'l1' }.status", equalTo("EXCLUDED_LOWER_IN_HIERARCHY"))
                .body("inputs.find { it.observationId == 's1' }.status", equalTo("EXCLUDED_STALE"))
                .body("inputs.find { it.observationId == 'o1' }.status", equalTo("EXCLUDED_OUTLIER"));

        IndexApi.backOffice().get("/indices/{id}/computations/{date}", index, date.toString()).then().statusCode(200)
                .body("value", equalTo(new BigDecimal("2.5000")))
                .body("inputs", hasSize(6));
        IndexApi.backOffice().queryParam("from", date.toString()).queryParam("to", date.toString())
                .get("/indices/{id}/values", index).then().statusCode(200)
                .body("[0].source", equalTo("COMPUTED"))
                .body("[0].methodology", equalTo("VOLUME_WEIGHTED_MEDIAN v1"))
                .body("[0].value", equalTo(new BigDecimal("2.5000")));
        assertThat(indexValues.valueOn(index, date)).get()
                .satisfies(v -> assertThat(v.source()).isEqualTo("COMPUTED"))
                .satisfies(v -> assertThat(v.value()).isEqualByComparingTo("2.5"));

        IndexValuePublished event = published(index, 1);
        assertThat(event.value()).isEqualByComparingTo("2.5000");
        assertThat(event.source()).isEqualTo("COMPUTED");
        assertThat(event.methodology()).isEqualTo("VOLUME_WEIGHTED_MEDIAN v1");
        assertThat(event.valueDate()).isEqualTo(date);
    }

    @Test
    void anExactEvenSplitIsTheMidpointRoundedHalfEvenToTheIndexScale() {
        String index = IndexApi.newIndex(IndexApi.MEDIAN_OF_THREE);
        Instant cutoff = Instant.parse("2026-12-01T21:00:00Z");
        submit(index, "[" + String.join(",",
                observation("a", "A", "TRANSACTION", "2.4002", "30", cutoff.minusSeconds(60)),
                observation("b", "B", "TRANSACTION", "2.4002", "20", cutoff.minusSeconds(60)),
                observation("c", "C", "TRANSACTION", "2.4003", "50", cutoff.minusSeconds(60))) + "]");

        // tie: A and B at 2.4002 form one level of 50; V = 100, half 50 reached exactly at its end ->
        // (2.4002 + 2.4003) / 2 = 2.40025, half-even to 4 decimals -> 2.4002 (half-up would give 2.4003)
        IndexApi.backOffice().body("""
                        {"valueDate":"2026-12-01","cutoff":"%s"}""".formatted(cutoff))
                .post("/indices/{id}/computations", index).then().statusCode(201)
                .body("unroundedValue", equalTo(new BigDecimal("2.40025")))
                .body("value", equalTo(new BigDecimal("2.4002")))
                .body("rounding", equalTo("HALF_EVEN to 4 decimals"));
    }

    @Test
    void aTrimmedMeanMethodologyTrimsVolumeFromBothTails() {
        String index = IndexApi.newIndex("""
                {"method":"TRIMMED_MEAN","trimFraction":0.25,"minContributors":3,"stalenessLimit":"PT24H",
                 "outlierMadMultiple":5,"changeReason":"trimmed mean panel"}""");
        LocalDate date = LocalDate.of(2026, 12, 2);
        submit(index, "[" + String.join(",",
                observation("a", "A", "TRANSACTION", "3.20", "10", at(date, 12)),
                observation("b", "B", "TRANSACTION", "2.40", "30", at(date, 12)),
                observation("c", "C", "TRANSACTION", "2.00", "10", at(date, 12)),
                observation("d", "D", "TRANSACTION", "2.60", "10", at(date, 12))) + "]");

        // no outlier: median 2.50, deviations 0.70, 0.10, 0.50, 0.10 -> MAD 0.30, limit 1.50.
        // V = 60, trim 15 per tail: 2.00 x 10 gone and 2.40 keeps 25; 3.20 x 10 gone and 2.60 keeps 5.
        // (2.40 x 25 + 2.60 x 5) / 30 = 73 / 30 = 2.43333... -> 2.4333. No cut-off given: the index's publication
        // time, 16:00 New York on the value date (21:00 UTC in December).
        IndexApi.backOffice().body("""
                        {"valueDate":"%s"}""".formatted(date))
                .post("/indices/{id}/computations", index).then().statusCode(201)
                .body("value", equalTo(new BigDecimal("2.4333")))
                .body("methodology", equalTo("TRIMMED_MEAN v1"))
                .body("cutoff", equalTo("2026-12-02T21:00:00Z"))
                .body("contributors", equalTo(4));
    }

    @Test
    void tooFewContributorsIsRefusedWithTheCountsAndNothingIsStored() {
        String index = IndexApi.newIndex(IndexApi.MEDIAN_OF_THREE);
        LocalDate date = LocalDate.of(2026, 12, 3);
        submit(index, "[" + String.join(",",
                observation("a1", "A", "TRANSACTION", "2.40", "10", at(date, 12)),
                observation("a2", "A", "LISTING", "2.45", "10", at(date, 13)),
                observation("b1", "B", "TRANSACTION", "2.50", "10", at(date, 12)),
                observation("c1", "C", "TRANSACTION", "2.55", "10", at(date.minusDays(2), 12))) + "]");

        // C's only observation is stale: A and B remain, 2 of the 3 providers needed
        IndexApi.backOffice().body("""
                        {"valueDate":"%s"}""".formatted(date))
                .post("/indices/{id}/computations", index).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/insufficient-contributors"))
                .body("detail", containsString("has 2 distinct contributor(s)"))
                .body("detail", containsString("needs at least 3"));

        IndexApi.backOffice().get("/indices/{id}/computations/{date}", index, date.toString()).then().statusCode(404)
                .body("type", equalTo("/problems/not-found"));
        IndexApi.backOffice().queryParam("from", date.toString()).queryParam("to", date.toString())
                .queryParam("history", true)
                .get("/indices/{id}/values", index).then().statusCode(200).body("$", hasSize(0));
        assertThat(indexValues.valueOn(index, date)).isEmpty();
    }

    @Test
    void recomputingIsAReplayAndARestatementNeedsAReasonAndKeepsTheFirstVersion() {
        String index = IndexApi.newIndex(IndexApi.MEDIAN_OF_THREE);
        LocalDate date = LocalDate.of(2026, 12, 4);
        submit(index, "[" + String.join(",",
                observation("a", "A", "TRANSACTION", "2.40", "10", at(date, 12)),
                observation("b", "B", "TRANSACTION", "2.50", "10", at(date, 12)),
                observation("c", "C", "TRANSACTION", "2.60", "10", at(date, 12))) + "]");
        String request = """
                {"valueDate":"%s"}""".formatted(date);
        // V = 30, half 15: cumulative 10, 20 -> 2.50
        IndexApi.backOffice().body(request).post("/indices/{id}/computations", index).then().statusCode(201)
                .body("value", equalTo(new BigDecimal("2.5000")));
        IndexApi.backOffice().body(request).post("/indices/{id}/computations", index).then().statusCode(200)
                .body("valueVersion", equalTo(1));

        // a late report from D at 2.60 x 30: V = 60, half 30; cumulative 10, 20, 60 -> 2.60
        submit(index, observation("d", "D", "TRANSACTION", "2.60", "30", at(date, 14)));
        IndexApi.backOffice().body(request).post("/indices/{id}/computations", index).then().statusCode(409)
                .body("type", equalTo("/problems/index-value-exists"));
        // a new methodology version (two contributors suffice) is recorded by the restated computation
        IndexApi.backOffice().body("""
                        {"method":"VOLUME_WEIGHTED_MEDIAN","minContributors":2,"stalenessLimit":"PT12H",
                         "outlierMadMultiple":5,"changeReason":"panel shrank"}""")
                .post("/indices/{id}/methodology", index).then().statusCode(201).body("version", equalTo(2));
        IndexApi.backOffice().body("""
                        {"valueDate":"%s","restatementReason":"late transaction report from D"}""".formatted(date))
                .post("/indices/{id}/computations", index).then().statusCode(201)
                .body("value", equalTo(new BigDecimal("2.6000")))
                .body("valueVersion", equalTo(2))
                .body("methodology", equalTo("VOLUME_WEIGHTED_MEDIAN v2"))
                .body("restatementReason", equalTo("late transaction report from D"));
        IndexApi.backOffice().get("/indices/{id}/computations/{date}", index, date.toString()).then().statusCode(200)
                .body("valueVersion", equalTo(2))
                .body("inputs.find { it.observationId == 'd' }.status", equalTo("USED"));

        IndexApi.backOffice().queryParam("from", date.toString()).queryParam("to", date.toString())
                .queryParam("history", true)
                .get("/indices/{id}/values", index).then().statusCode(200)
                .body("version", equalTo(List.of(1, 2)))
                .body("value", equalTo(List.of(new BigDecimal("2.5000"), new BigDecimal("2.6000"))))
                .body("[0].restatementReason", nullValue())
                .body("[1].methodology", equalTo("VOLUME_WEIGHTED_MEDIAN v2"));
        assertThat(indexValues.valueOn(index, date)).get()
                .satisfies(v -> assertThat(v.value()).isEqualByComparingTo("2.60"))
                .satisfies(v -> assertThat(v.version()).isEqualTo(2));
        assertThat(published(index, 2).restatementReason()).isEqualTo("late transaction report from D");
    }

    @Test
    void anIndexWithoutMethodologyCannotBeComputed() {
        String index = IndexApi.unique("BARE");
        IndexApi.backOffice().body("""
                        {"id":"%s","name":"No methodology yet","unit":"USD per GPU-hour","currency":"USD",
                         "valueScale":4,"publicationTime":"16:00","publicationZone":"America/New_York",
                         "description":"to be defined"}""".formatted(index))
                .post("/indices").then().statusCode(201);

        IndexApi.backOffice().body("""
                        {"valueDate":"2026-12-05"}""")
                .post("/indices/{id}/computations", index).then().statusCode(422)
                .body("type", equalTo("/problems/no-methodology"));
        IndexApi.backOffice().body("""
                        {"valueDate":"2026-12-05"}""")
                .post("/indices/NO-SUCH-INDEX/computations").then().statusCode(404);
    }

    /** 12:00 etc. UTC on the date: before the 21:00 UTC publication of a New York 16:00 index in winter. */
    private static Instant at(LocalDate date, int hourUtc) {
        return date.atTime(hourUtc, 0).toInstant(ZoneOffset.UTC);
    }

    private static void submit(String index, String observations) {
        IndexApi.backOffice().body(observations).post("/indices/{id}/observations", index).then().statusCode(201);
    }

    private static IndexValuePublished published(String index, int version) {
        return TopicProbe.readUntil(Topics.SETTLEMENT_INDICES, r -> index.equals(r.key())
                                && payload(r.value()).version() == version, Duration.ofSeconds(30))
                .stream().filter(r -> index.equals(r.key())).map(r -> payload(r.value()))
                .filter(p -> p.version() == version).findFirst()
                .orElseThrow(() -> new AssertionError("no IndexValuePublished v" + version + " for " + index));
    }

    private static IndexValuePublished payload(String json) {
        EventEnvelope envelope = EventCodec.decode(json);
        return EventCodec.payload(envelope, SettlementEvents.INDEX_VALUE_PUBLISHED);
    }
}
