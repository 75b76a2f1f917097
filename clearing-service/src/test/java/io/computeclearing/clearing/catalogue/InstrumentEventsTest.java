package io.computeclearing.clearing.catalogue;

import io.computeclearing.clearing.Api;
import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.clearing.ClearingEvents;
import io.computeclearing.platform.events.clearing.ClearingEvents.InstrumentListed;
import io.computeclearing.platform.events.clearing.ClearingEvents.InstrumentStatusChanged;
import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every listed instrument is announced once on ccp.clearing.instruments.v1, keyed by its id, and every status change
 * is published after it.
 */
@QuarkusTest
class InstrumentEventsTest {

    @Inject
    DatabaseProbe database;

    @Test
    void aNewFamilysMonthsAreEachAnnouncedOnceWithWhatSettlementNeeds() {
        List<String> instruments = Api.newFamily();
        assertThat(instruments).hasSize(3);
        String front = instruments.getFirst();

        Set<String> seen = new HashSet<>();
        List<InstrumentListed> listed = TopicProbe.readUntil(Topics.CLEARING_INSTRUMENTS,
                        r -> instruments.contains(r.key()) && seen.add(r.key()) && seen.size() == 3,
                        Duration.ofSeconds(30)).stream()
                .filter(r -> instruments.contains(r.key()))
                .map(InstrumentEventsTest::listed)
                .toList();
        assertThat(listed).extracting(InstrumentListed::instrumentId).containsExactlyInAnyOrderElementsOf(instruments);
        InstrumentListed first = listed.stream().filter(l -> l.instrumentId().equals(front)).findFirst().orElseThrow();
        String family = front.substring(0, front.indexOf('-'));
        String month = front.substring(front.indexOf('-') + 1);
        assertThat(first.family()).isEqualTo(family);
        assertThat(first.contractMonth()).isEqualTo(month.substring(0, 4) + "-" + month.substring(4));
        assertThat(first.currency()).isEqualTo("USD");
        assertThat(first.tickSize()).isEqualTo(new BigDecimal("0.01"));
        assertThat(first.contractUnit()).isEqualTo(new BigDecimal("1000"));
        assertThat(first.underlyingIndexId()).isEqualTo("TEST-IDX");
        assertThat(first.finalSettlementRule()).isEqualTo("SINGLE_FIXING");
        assertThat(first.lastTradingDay()).isEqualTo(lastTradingDay(front));
        assertThat(first.status()).isIn("ACTIVE", "EXPIRING");
        assertThat(first.listedAt()).isNotNull();
        for (String instrument : instruments) {
            assertThat(announcements(instrument)).isEqualTo(1);
        }
    }

    @Test
    void anInstrumentListedBeforeAnnouncementsIsAnnouncedOnceByTheNextRoll() throws SQLException {
        List<String> instruments = Api.newFamily();
        String legacy = instruments.get(1);
        String family = legacy.substring(0, legacy.indexOf('-'));
        // as a database from before this change holds it: listed, never announced
        database.inOneTransaction("update instrument set announced_at = null where id = '" + legacy + "'");

        Api.backOffice().queryParam("family", family).post("/catalogue/listings/roll").then().statusCode(200);
        Api.backOffice().queryParam("family", family).post("/catalogue/listings/roll").then().statusCode(200);

        assertThat(announcements(legacy)).isEqualTo(2);
        assertThat(announcements(instruments.get(2))).isEqualTo(1);
        assertThat(database.count("select count(*) from instrument where id = ? and announced_at is not null", legacy))
                .isEqualTo(1);
    }

    @Test
    void expiryIsPublishedAsStatusChangesAfterTheListing() {
        List<String> instruments = Api.newFamily();
        String instrument = instruments.get(1);
        String family = instrument.substring(0, instrument.indexOf('-'));
        LocalDate lastTradingDay = lastTradingDay(instrument);

        roll(family, lastTradingDay);
        roll(family, lastTradingDay);
        roll(family, lastTradingDay.plusDays(1));

        List<EventEnvelope> events = TopicProbe.readUntil(Topics.CLEARING_INSTRUMENTS,
                        r -> r.key().equals(instrument) && r.value().contains("\"status\":\"EXPIRED\""),
                        Duration.ofSeconds(30)).stream()
                .filter(r -> r.key().equals(instrument))
                .map(r -> EventCodec.decode(r.value()))
                .toList();
        assertThat(events).extracting(EventEnvelope::type)
                .containsExactly("InstrumentListed", "InstrumentStatusChanged", "InstrumentStatusChanged");
        List<InstrumentStatusChanged> changes = events.stream().skip(1)
                .map(e -> EventCodec.payload(e, ClearingEvents.INSTRUMENT_STATUS_CHANGED)).toList();
        assertThat(changes).extracting(InstrumentStatusChanged::status).containsExactly("EXPIRING", "EXPIRED");
        assertThat(changes.getFirst().reason())
                .isEqualTo("listing roll as of " + lastTradingDay + ": last trading day " + lastTradingDay);
        Api.backOffice().get("/catalogue/instruments/{id}", instrument).then()
                .body("status", org.hamcrest.Matchers.equalTo("EXPIRED"));
    }

    private static void roll(String family, LocalDate asOf) {
        Api.backOffice().queryParam("family", family).queryParam("asOf", asOf.toString())
                .post("/catalogue/listings/roll").then().statusCode(200);
    }

    private static LocalDate lastTradingDay(String instrument) {
        return LocalDate.parse(Api.backOffice().get("/catalogue/instruments/{id}", instrument).then().statusCode(200)
                .extract().path("lastTradingDay"));
    }

    private long announcements(String instrument) {
        return database.count("select count(*) from outbox_event where aggregate_id = ? and event_type = ?",
                instrument, "InstrumentListed");
    }

    private static InstrumentListed listed(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = EventCodec.decode(record.value());
        assertThat(envelope.aggregateId()).isEqualTo(record.key());
        return EventCodec.payload(envelope, ClearingEvents.INSTRUMENT_LISTED);
    }
}
