package io.computeclearing.settlement.index;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.settlement.SettlementEvents;
import io.computeclearing.platform.events.settlement.SettlementEvents.IndexValuePublished;
import io.computeclearing.testsupport.TestTokens;
import io.computeclearing.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** Values recorded from the index provider: versioned, restated only with a reason, replayable, and announced. */
@QuarkusTest
class ProviderValueTest {

    @Inject
    IndexValues indexValues;

    @Test
    void aProviderValueIsStoredAsVersionOneAtTheIndexScale() {
        LocalDate date = IndexApi.uniqueDate();

        IndexApi.indexProvider().body("""
                        {"valueDate":"%s","value":2.4512}""".formatted(date))
                .post("/indices/SDH100RT/values").then().statusCode(201)
                .body("indexId", equalTo("SDH100RT"))
                .body("valueDate", equalTo(date.toString()))
                .body("value", equalTo(new BigDecimal("2.4512")))
                .body("currency", equalTo("USD"))
                .body("version", equalTo(1))
                .body("source", equalTo("PROVIDER"))
                .body("recordedBy", equalTo("silicon.data"))
                .body("restatementReason", nullValue());

        // 2.45 is stored at the index's 4 decimals
        LocalDate next = date.plusDays(1);
        IndexApi.backOffice().body("""
                        {"valueDate":"%s","value":2.45}""".formatted(next))
                .post("/indices/SDH100RT/values").then().statusCode(201)
                .body("value", equalTo(new BigDecimal("2.4500")));

        assertThat(indexValues.valueOn("SDH100RT", date)).get()
                .satisfies(v -> assertThat(v.value()).isEqualByComparingTo("2.4512"))
                .satisfies(v -> assertThat(v.version()).isEqualTo(1))
                .satisfies(v -> assertThat(v.source()).isEqualTo("PROVIDER"));
        assertThat(indexValues.valuesBetween("SDH100RT", date, next)).containsOnlyKeys(date, next);
        assertThat(indexValues.valueOn("SDH100RT", date.minusDays(1))).isEmpty();
    }

    @Test
    void theSameValueAgainIsAnIdempotentReplay() {
        LocalDate date = IndexApi.uniqueDate();
        String body = """
                {"valueDate":"%s","value":5.3125}""".formatted(date);
        IndexApi.indexProvider().body(body).post("/indices/SDB200RT/values").then().statusCode(201);

        // 5.3125 and 5.31250 are the same value
        IndexApi.indexProvider().body(body).post("/indices/SDB200RT/values").then().statusCode(200)
                .body("version", equalTo(1));
        IndexApi.indexProvider().body("""
                        {"valueDate":"%s","value":5.31250}""".formatted(date))
                .post("/indices/SDB200RT/values").then().statusCode(200).body("version", equalTo(1));

        IndexApi.backOffice().queryParam("from", date.toString()).queryParam("to", date.toString())
                .queryParam("history", true)
                .get("/indices/SDB200RT/values").then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void simultaneousIdenticalSubmissionsStoreOneVersion() throws Exception {
        LocalDate date = IndexApi.uniqueDate();
        String body = """
                {"valueDate":"%s","value":5.2900}""".formatted(date);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                statuses.add(pool.submit(() -> IndexApi.indexProvider().body(body)
                        .post("/indices/SDB200RT/values").statusCode()));
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                codes.add(status.get(30, TimeUnit.SECONDS));
            }
            assertThat(codes).containsExactlyInAnyOrder(201, 200, 200, 200);
        } finally {
            pool.shutdownNow();
        }
        IndexApi.backOffice().queryParam("from", date.toString()).queryParam("to", date.toString())
                .queryParam("history", true)
                .get("/indices/SDB200RT/values").then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void aDifferentValueWithoutAReasonIsRefusedAndARestatementKeepsTheOldVersion() {
        LocalDate date = IndexApi.uniqueDate();
        IndexApi.indexProvider().body("""
                        {"valueDate":"%s","value":2.6000}""".formatted(date))
                .post("/indices/SDH100RT/values").then().statusCode(201);

        IndexApi.indexProvider().body("""
                        {"valueDate":"%s","value":2.6100}""".formatted(date))
                .post("/indices/SDH100RT/values").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/index-value-exists"));

        IndexApi.indexProvider().body("""
                        {"valueDate":"%s","value":2.6100,"restatementReason":"late trade reports from two providers"}"""
                        .formatted(date))
                .post("/indices/SDH100RT/values").then().statusCode(201)
                .body("version", equalTo(2))
                .body("restatementReason", equalTo("late trade reports from two providers"));

        String from = date.toString();
        IndexApi.as(TestTokens.member("ANY")).queryParam("from", from).queryParam("to", from)
                .get("/indices/SDH100RT/values").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].value", equalTo(new BigDecimal("2.6100")))
                .body("[0].version", equalTo(2));
        IndexApi.as(TestTokens.member("ANY")).queryParam("from", from).queryParam("to", from)
                .queryParam("history", true)
                .get("/indices/SDH100RT/values").then().statusCode(200)
                .body("version", equalTo(List.of(1, 2)))
                .body("value", equalTo(List.of(new BigDecimal("2.6000"), new BigDecimal("2.6100"))));
        assertThat(indexValues.valueOn("SDH100RT", date)).get()
                .satisfies(v -> assertThat(v.value()).isEqualByComparingTo("2.61"))
                .satisfies(v -> assertThat(v.version()).isEqualTo(2));
    }

    @Test
    void negativeAndZeroValuesAreLegal() {
        LocalDate date = IndexApi.uniqueDate();
        IndexApi.backOffice().body("""
                        {"valueDate":"%s","value":-0.0150}""".formatted(date))
                .post("/indices/TOKEN-FRONTIER-CNY/values").then().statusCode(201)
                .body("value", equalTo(new BigDecimal("-0.0150")))
                .body("currency", equalTo("CNY"));
        IndexApi.backOffice().body("""
                        {"valueDate":"%s","value":0}""".formatted(date.plusDays(1)))
                .post("/indices/TOKEN-FRONTIER-CNY/values").then().statusCode(201)
                .body("value", equalTo(new BigDecimal("0.0000")));
    }

    @Test
    void badInputIsRefusedAndNothingIsStored() {
        LocalDate date = IndexApi.uniqueDate();
        IndexApi.backOffice().body("""
                        {"valueDate":"%s","value":2.45}""".formatted(date))
                .post("/indices/NO-SUCH-INDEX/values").then().statusCode(404)
                .body("type", equalTo("/problems/not-found"));
        IndexApi.backOffice().body("""
                        {"valueDate":"%s","value":2.45125}""".formatted(date))
                .post("/indices/SDH100RT/values").then().statusCode(400)
                .body("type", equalTo("/problems/validation"));
        IndexApi.backOffice().body("""
                        {"valueDate":"%s"}""".formatted(date))
                .post("/indices/SDH100RT/values").then().statusCode(400);

        assertThat(indexValues.valueOn("SDH100RT", date)).isEmpty();
    }

    @Test
    void everyPublicationIsAnnouncedWithTheIndexAsKey() {
        LocalDate date = IndexApi.uniqueDate();
        IndexApi.indexProvider().body("""
                        {"valueDate":"%s","value":12.5000}""".formatted(date))
                .post("/indices/TOKEN-FRONTIER-USD/values").then().statusCode(201);
        IndexApi.indexProvider().body("""
                        {"valueDate":"%s","value":12.7500,"restatementReason":"basket weights corrected"}"""
                        .formatted(date))
                .post("/indices/TOKEN-FRONTIER-USD/values").then().statusCode(201);

        List<IndexValuePublished> published = TopicProbe.readUntil(Topics.SETTLEMENT_INDICES,
                        r -> forDate(r, date).stream().anyMatch(p -> p.version() == 2), Duration.ofSeconds(30))
                .stream().flatMap(r -> forDate(r, date).stream()).toList();

        assertThat(published).hasSize(2);
        assertThat(published.get(0).value()).isEqualByComparingTo("12.5");
        assertThat(published.get(0).version()).isEqualTo(1);
        assertThat(published.get(0).source()).isEqualTo("PROVIDER");
        assertThat(published.get(0).currency()).isEqualTo("USD");
        assertThat(published.get(1).value()).isEqualByComparingTo("12.75");
        assertThat(published.get(1).restatementReason()).isEqualTo("basket weights corrected");
    }

    private static List<IndexValuePublished> forDate(ConsumerRecord<String, String> record, LocalDate date) {
        if (!"TOKEN-FRONTIER-USD".equals(record.key())) {
            return List.of();
        }
        EventEnvelope envelope = EventCodec.decode(record.value());
        if (!SettlementEvents.INDEX_VALUE_PUBLISHED.name().equals(envelope.type())) {
            return List.of();
        }
        IndexValuePublished payload = EventCodec.payload(envelope, SettlementEvents.INDEX_VALUE_PUBLISHED);
        return payload.valueDate().equals(date) ? List.of(payload) : List.of();
    }
}
