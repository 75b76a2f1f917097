package io.computeclearing.clearing.trade;

import io.computeclearing.clearing.Accounts;
import io.computeclearing.clearing.Api;
import io.computeclearing.clearing.TestTrade;
import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.clearing.ClearingEvents;
import io.computeclearing.platform.events.clearing.ClearingEvents.PositionChanged;
import io.computeclearing.platform.events.clearing.ClearingEvents.TradeCleared;
import io.computeclearing.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
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

/** A cleared trade is published as one TradeCleared per leg and one PositionChanged per position, keyed by account. */
@QuarkusTest
class ClearingEventsTest {

    @Test
    void aClearedTradeIsPublishedPerLegAndPerPositionKeyedByAccount() {
        String buyerMember = Accounts.member("EVB");
        String sellerMember = Accounts.member("EVS");
        String buyer = Accounts.open(buyerMember, "HOUSE");
        String seller = Accounts.open(sellerMember, "CLIENT_OMNIBUS");
        Accounts.awaitTradable(buyer, seller);
        String instrument = Api.listed("TKFRC").get(1);
        TestTrade first = TestTrade.of(instrument, 6, "7.15", buyer, seller);
        TestTrade second = TestTrade.of(instrument, 2, "7.2", seller, buyer);
        long tradeId = ((Number) Api.submit(first).then().statusCode(201).extract().path("tradeId")).longValue();
        Api.clear(second);

        // Each leg is keyed by its account, so the two legs may sit in different partitions: read until both are in.
        Set<String> legsSeen = new HashSet<>();
        List<TradeCleared> cleared = TopicProbe.readUntil(Topics.CLEARING_TRADES, r -> {
                    if (r.value().contains(first.exchangeTradeId()) && Set.of(buyer, seller).contains(r.key())) {
                        legsSeen.add(r.key());
                    }
                    return legsSeen.size() == 2;
                }, Duration.ofSeconds(30))
                .stream()
                .filter(r -> Set.of(buyer, seller).contains(r.key()))
                .map(r -> keyed(r, ClearingEvents.TRADE_CLEARED))
                .filter(e -> e.exchangeTradeId().equals(first.exchangeTradeId()))
                .toList();
        assertThat(cleared).hasSize(2);
        TradeCleared buy = cleared.stream().filter(e -> e.side().equals("BUY")).findFirst().orElseThrow();
        TradeCleared sell = cleared.stream().filter(e -> e.side().equals("SELL")).findFirst().orElseThrow();
        assertThat(buy).isEqualTo(new TradeCleared(tradeId, buy.legId(), first.exchangeTradeId(), instrument, "BUY", 6,
                new BigDecimal("7.15"), "CNY", new BigDecimal("1000"), Instant.parse("2026-11-24T14:30:00.123456Z"),
                first.businessDate(), buyer, buyerMember));
        assertThat(sell).isEqualTo(new TradeCleared(tradeId, sell.legId(), first.exchangeTradeId(), instrument, "SELL",
                6, new BigDecimal("7.15"), "CNY", new BigDecimal("1000"), first.tradeTime(), first.businessDate(),
                seller, sellerMember));

        Set<String> secondVersions = new HashSet<>();
        List<PositionChanged> positions = TopicProbe.readUntil(Topics.CLEARING_POSITIONS, r -> {
                    if (Set.of(buyer, seller).contains(r.key()) && r.value().contains("\"version\":2")) {
                        secondVersions.add(r.key());
                    }
                    return secondVersions.size() == 2;
                }, Duration.ofSeconds(30))
                .stream()
                .filter(r -> Set.of(buyer, seller).contains(r.key()))
                .map(r -> keyed(r, ClearingEvents.POSITION_CHANGED))
                .toList();
        LocalDate day = first.businessDate();
        assertThat(positions).containsExactlyInAnyOrder(
                new PositionChanged(buyer, buyerMember, instrument, 6, 0, 6, day, 1),
                new PositionChanged(seller, sellerMember, instrument, 0, 6, -6, day, 1),
                new PositionChanged(buyer, buyerMember, instrument, 4, 0, 4, day, 2),
                new PositionChanged(seller, sellerMember, instrument, 2, 6, -4, day, 2));
    }

    /** The payload of a record, checking that its Kafka key is the account the payload is about. */
    private static <P> P keyed(ConsumerRecord<String, String> record,
                               EventType<P> type) {
        EventEnvelope envelope = EventCodec.decode(record.value());
        assertThat(envelope.type()).isEqualTo(type.name());
        assertThat(envelope.aggregateId()).isEqualTo(record.key());
        P payload = EventCodec.payload(envelope, type);
        String account = payload instanceof TradeCleared t ? t.accountId() : ((PositionChanged) payload).accountId();
        assertThat(account).isEqualTo(record.key());
        return payload;
    }
}
