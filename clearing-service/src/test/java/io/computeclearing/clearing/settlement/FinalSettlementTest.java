package io.computeclearing.clearing.settlement;

import io.computeclearing.clearing.Accounts;
import io.computeclearing.clearing.Api;
import io.computeclearing.clearing.TestTrade;
import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.clearing.ClearingEvents;
import io.computeclearing.platform.events.clearing.ClearingEvents.InstrumentStatusChanged;
import io.computeclearing.platform.events.clearing.ClearingEvents.PositionChanged;
import io.computeclearing.platform.events.settlement.SettlementEvents;
import io.computeclearing.platform.events.settlement.SettlementEvents.FinalSettlementCompleted;
import io.computeclearing.platform.events.settlement.SettlementEvents.SettlementPricePublished;
import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.testsupport.TestTokens;
import io.computeclearing.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Final settlement from settlement-service closes every position in the instrument at the final settlement price,
 * keeps the book flat, settles the instrument for good and happens once, however often the event arrives.
 */
@QuarkusTest
class FinalSettlementTest {

    @Inject
    DatabaseProbe database;

    @Test
    void finalSettlementClosesEveryPositionOnceAndSettlesTheInstrument() {
        String alpha = Accounts.member("FSA");
        String bravo = Accounts.member("FSB");
        String charlie = Accounts.member("FSC");
        String alphaHouse = Accounts.open(alpha, "HOUSE");
        String bravoClients = Accounts.open(bravo, "CLIENT_OMNIBUS");
        String charlieHouse = Accounts.open(charlie, "HOUSE");
        Accounts.awaitTradable(alphaHouse, bravoClients, charlieHouse);
        List<String> instruments = Api.newFamily();
        String instrument = instruments.get(1);
        LocalDate today = Api.today();
        LocalDate lastTradingDay = today.plusDays(1);

        // alpha: +10 -4 -3 = long 3 (nets, version 3); bravo's omnibus: long 4, short 10 (gross, version 2);
        // charlie: long 3 (version 1). Open interest 10 long, 10 short.
        Api.clear(TestTrade.of(instrument, 10, "7.15", alphaHouse, bravoClients));
        long lastTrade = Api.cleared(TestTrade.of(instrument, 4, "7.2", bravoClients, alphaHouse));
        Api.clear(TestTrade.of(instrument, 3, "7.25", charlieHouse, alphaHouse));
        assertThat(Api.position(alphaHouse, instrument)).containsExactly(3L, 0L);
        assertThat(Api.position(bravoClients, instrument)).containsExactly(4L, 10L);

        // A daily settlement price on the same topic is not clearing's business.
        publish(SettlementEvents.SETTLEMENT_PRICE_PUBLISHED, instrument, new SettlementPricePublished(instrument,
                today, new BigDecimal("7.30"), "USD", 1, Instant.now()));
        EventEnvelope completed = EventEnvelope.of(SettlementEvents.FINAL_SETTLEMENT_COMPLETED, instrument, 2,
                "settlement-service", new FinalSettlementCompleted(instrument, lastTradingDay,
                        new BigDecimal("7.31"), "USD", 3, Instant.parse("2026-11-25T18:00:00Z")));
        TopicProbe.publish(Topics.SETTLEMENT_PRICES, instrument, EventCodec.encode(completed));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.backOffice()
                .get("/catalogue/instruments/{id}", instrument).then().statusCode(200)
                .body("status", equalTo("SETTLED")));

        // Every position is flat, one version on; the as-at history keeps the day before final settlement.
        Api.backOffice().queryParam("instrumentId", instrument).get("/positions").then().statusCode(200)
                .body("accountId", equalTo(List.of(alphaHouse, bravoClients, charlieHouse)))
                .body("longQuantity", equalTo(List.of(0, 0, 0)))
                .body("shortQuantity", equalTo(List.of(0, 0, 0)))
                .body("version", equalTo(List.of(4, 3, 2)));
        Api.backOffice().queryParam("instrumentId", instrument).queryParam("businessDate", today.toString())
                .get("/positions").then().statusCode(200)
                .body("longQuantity", equalTo(List.of(3, 4, 3)))
                .body("shortQuantity", equalTo(List.of(0, 10, 0)));
        Api.backOffice().queryParam("instrumentId", instrument).queryParam("businessDate", lastTradingDay.toString())
                .get("/positions").then().statusCode(200)
                .body("netQuantity", equalTo(List.of(0, 0, 0)));
        Api.backOffice().queryParam("instrumentId", instrument).get("/open-interest").then().statusCode(200)
                .body("[0].totalLong", equalTo(0))
                .body("[0].totalShort", equalTo(0))
                .body("[0].netSum", equalTo(0));

        // Margin learns of each flat position from PositionChanged.
        Set<String> holders = Set.of(alphaHouse, bravoClients, charlieHouse);
        Set<String> flatSeen = new HashSet<>();
        List<PositionChanged> flat = TopicProbe.readUntil(Topics.CLEARING_POSITIONS,
                        r -> holders.contains(r.key()) && r.value().contains("\"longQuantity\":0,\"shortQuantity\":0")
                                && flatSeen.add(r.key()) && flatSeen.size() == holders.size(), Duration.ofSeconds(30))
                .stream()
                .filter(r -> holders.contains(r.key()))
                .map(r -> EventCodec.payload(EventCodec.decode(r.value()), ClearingEvents.POSITION_CHANGED))
                .filter(p -> p.instrumentId().equals(instrument) && p.longQuantity() == 0 && p.shortQuantity() == 0)
                .toList();
        assertThat(flat).containsExactlyInAnyOrder(
                new PositionChanged(alphaHouse, alpha, instrument, 0, 0, 0, lastTradingDay, 4),
                new PositionChanged(bravoClients, bravo, instrument, 0, 0, 0, lastTradingDay, 3),
                new PositionChanged(charlieHouse, charlie, instrument, 0, 0, 0, lastTradingDay, 2));

        List<InstrumentStatusChanged> statuses = TopicProbe.readUntil(Topics.CLEARING_INSTRUMENTS,
                        r -> r.key().equals(instrument) && r.value().contains("SETTLED"), Duration.ofSeconds(30))
                .stream()
                .filter(r -> r.key().equals(instrument))
                .map(ConsumerRecord::value)
                .map(EventCodec::decode)
                .filter(e -> e.is(ClearingEvents.INSTRUMENT_STATUS_CHANGED))
                .map(e -> EventCodec.payload(e, ClearingEvents.INSTRUMENT_STATUS_CHANGED))
                .toList();
        assertThat(statuses).hasSize(1);
        assertThat(statuses.getFirst().status()).isEqualTo("SETTLED");
        assertThat(statuses.getFirst().reason())
                .isEqualTo("final settlement on " + lastTradingDay + " at 7.31 USD: 3 positions closed");

        // The operator's record: the price, and each position as it was held; the nets sum to zero.
        Api.backOffice().get("/catalogue/instruments/{id}/final-settlement", instrument).then().statusCode(200)
                .body("finalSettlementPrice", equalTo(new BigDecimal("7.31")))
                .body("currency", equalTo("USD"))
                .body("businessDate", equalTo(lastTradingDay.toString()))
                .body("settledAt", equalTo("2026-11-25T18:00:00Z"))
                .body("positionsSettled", equalTo(3))
                .body("positionsClosed", equalTo(3))
                .body("closedPositions.accountId", equalTo(List.of(alphaHouse, bravoClients, charlieHouse)))
                .body("closedPositions.longQuantity", equalTo(List.of(3, 4, 3)))
                .body("closedPositions.shortQuantity", equalTo(List.of(0, 10, 0)))
                .body("closedPositions.netQuantity", equalTo(List.of(3, -6, 3)))
                .body("closedPositions.closingVersion", equalTo(List.of(4, 3, 2)));
        Api.as(TestTokens.member(bravo)).get("/catalogue/instruments/{id}/final-settlement", instrument).then()
                .statusCode(200)
                .body("finalSettlementPrice", equalTo(new BigDecimal("7.31")))
                .body("closedPositions.accountId", equalTo(List.of(bravoClients)));
        Api.as(TestTokens.member(Accounts.member("FSX"))).get("/catalogue/instruments/{id}/final-settlement",
                instrument).then().statusCode(200).body("closedPositions", empty());
        Api.backOffice().get("/catalogue/instruments/{id}/final-settlement", instruments.get(2)).then()
                .statusCode(404).contentType("application/problem+json");

        // A settled instrument takes no trades, busts or give-ups.
        Api.submit(TestTrade.of(instrument, 1, "7.31", alphaHouse, charlieHouse)).then().statusCode(422)
                .body("type", equalTo("/problems/trade-rejected"))
                .body("violations.field", hasItem("instrumentId"));
        Api.bust(lastTrade, "late").then().statusCode(409)
                .body("type", equalTo("/problems/instrument-settled"));

        // Redelivered, or completed again under another event id: nothing changes.
        TopicProbe.publish(Topics.SETTLEMENT_PRICES, instrument, EventCodec.encode(completed));
        EventEnvelope again = EventEnvelope.of(SettlementEvents.FINAL_SETTLEMENT_COMPLETED, instrument, 3,
                "settlement-service", new FinalSettlementCompleted(instrument, lastTradingDay,
                        new BigDecimal("9.99"), "USD", 3, Instant.now()));
        TopicProbe.publish(Topics.SETTLEMENT_PRICES, instrument, EventCodec.encode(again));
        await().atMost(Duration.ofSeconds(30)).until(() -> database.count(
                "select count(*) from inbox_event where event_id = ?", again.id()) == 1);
        Api.backOffice().queryParam("instrumentId", instrument).get("/positions").then().statusCode(200)
                .body("version", equalTo(List.of(4, 3, 2)));
        Api.backOffice().get("/catalogue/instruments/{id}/final-settlement", instrument).then().statusCode(200)
                .body("finalSettlementPrice", equalTo(new BigDecimal("7.31")));
        assertThat(database.count("select count(*) from outbox_event where aggregate_id = ? and event_type = ?",
                instrument, "InstrumentStatusChanged")).isEqualTo(1);
        assertThat(database.count("select count(*) from final_settlement_position where instrument_id = ?",
                instrument)).isEqualTo(3);
    }

    @Test
    void aListingRollLeavesASettledInstrumentSettled() {
        List<String> instruments = Api.newFamily();
        String instrument = instruments.get(0);
        publish(SettlementEvents.FINAL_SETTLEMENT_COMPLETED, instrument, new FinalSettlementCompleted(instrument,
                Api.today(), new BigDecimal("-0.05"), "USD", 0, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.backOffice()
                .get("/catalogue/instruments/{id}", instrument).then().body("status", equalTo("SETTLED")));

        String family = instrument.substring(0, instrument.indexOf('-'));
        Api.backOffice().queryParam("family", family).post("/catalogue/listings/roll").then().statusCode(200);
        Api.backOffice().get("/catalogue/instruments/{id}", instrument).then().body("status", equalTo("SETTLED"));
        // a negative final settlement price is kept exactly; nothing was open, so nothing closed
        Api.backOffice().get("/catalogue/instruments/{id}/final-settlement", instrument).then().statusCode(200)
                .body("finalSettlementPrice", equalTo(new BigDecimal("-0.05")))
                .body("positionsClosed", equalTo(0))
                .body("closedPositions", empty());
    }

    private static <P> void publish(EventType<P> type, String key, P payload) {
        TopicProbe.publish(Topics.SETTLEMENT_PRICES, key, EventCodec.encode(EventEnvelope.of(type, key, 1,
                "settlement-service", payload)));
    }
}
