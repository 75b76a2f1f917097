package io.computeclearing.clearing.trade;

import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.clearing.Accounts;
import io.computeclearing.clearing.Api;
import io.computeclearing.clearing.TestTrade;
import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.clearing.ClearingEvents;
import io.computeclearing.platform.events.clearing.ClearingEvents.PositionChanged;
import io.computeclearing.platform.events.clearing.ClearingEvents.TradeBusted;
import io.computeclearing.platform.time.BusinessClock;
import io.computeclearing.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Busts and corrections: effects reversed exactly, once, within the window (by the business clock, which the tests
 * move rather than wait a day), with events.
 */
@QuarkusTest
class TradeBustTest {

    @Inject
    DatabaseProbe database;

    @Inject
    BusinessClock clock;

    @Test
    void aBustRestoresPositionsExactlyForNettingAndGrossAccounts() {
        String house = Accounts.tradable("BSTH", "HOUSE");
        String omnibus = Accounts.tradable("BSTO", "CLIENT_OMNIBUS");
        String instrument = Api.listed("GH100").get(2);
        Api.clear(TestTrade.of(instrument, 5, "2.6", house, omnibus));
        Api.clear(TestTrade.of(instrument, 3, "2.61", omnibus, house));
        assertThat(Api.position(house, instrument)).containsExactly(2L, 0L);
        assertThat(Api.position(omnibus, instrument)).containsExactly(3L, 5L);

        long busted = Api.cleared(TestTrade.of(instrument, 7, "2.62", omnibus, house));
        assertThat(Api.position(house, instrument)).containsExactly(0L, 5L);
        assertThat(Api.position(omnibus, instrument)).containsExactly(10L, 5L);

        Api.bust(busted, "fat finger").then().statusCode(200).body("status", equalTo("BUSTED"))
                .body("bustReason", equalTo("fat finger")).body("legs", hasSize(4));
        // Gross: the 7 bought come back out of long, not into short.
        assertThat(Api.position(house, instrument)).containsExactly(2L, 0L);
        assertThat(Api.position(omnibus, instrument)).containsExactly(3L, 5L);
        Api.backOffice().queryParam("accountId", omnibus).queryParam("businessDate", Api.today().toString())
                .get("/positions").then().statusCode(200)
                .body("[0].longQuantity", equalTo(3)).body("[0].shortQuantity", equalTo(5));
        Api.backOffice().queryParam("accountId", house).queryParam("businessDate", Api.today().toString())
                .get("/positions").then().statusCode(200).body("[0].netQuantity", equalTo(2));
        Api.backOffice().queryParam("instrumentId", instrument).get("/open-interest").then().statusCode(200)
                .body("[0].netSum", equalTo(0));
        assertThat(database.count("select count(*) from trade where id = ?", busted)).isEqualTo(1);
        assertThat(database.count("select count(*) from trade_leg where trade_id = ? and kind = 'REVERSAL'", busted))
                .isEqualTo(2);
    }

    @Test
    void bustingTwiceIsAConflictAndChangesNothing() {
        String buyer = Accounts.tradable("BS2B", "HOUSE");
        String seller = Accounts.tradable("BS2S", "HOUSE");
        String instrument = Api.listed("GB200").get(1);
        long id = Api.cleared(TestTrade.of(instrument, 4, "5.31", buyer, seller));
        Api.bust(id, "exchange cancel").then().statusCode(200);
        Api.bust(id, "again").then().statusCode(409).body("type", equalTo("/problems/trade-busted"));
        assertThat(Api.position(buyer, instrument)).containsExactly(0L, 0L);
        assertThat(database.count("select count(*) from trade_leg where trade_id = ?", id)).isEqualTo(4);
        Api.backOffice().body("{}").post("/trades/{id}/bust", id).then().statusCode(400);
        Api.bust(999_999_999L, "none").then().statusCode(404);
    }

    @Test
    void noBustOnceTheWindowHasPassedByTheBusinessClock() {
        String buyer = Accounts.tradable("BSTW", "HOUSE");
        String seller = Accounts.tradable("BSTX", "HOUSE");
        String instrument = Api.listed("GH100").get(1);
        long id = Api.cleared(TestTrade.of(instrument, 4, "2.7", buyer, seller));
        Instant clearedAt = Instant.parse(Api.backOffice().get("/trades/{id}", id).then().statusCode(200)
                .extract().path("clearedAt"));
        Instant closes = clearedAt.plus(Duration.ofHours(24)); // ccp.clearing.bust-window

        try {
            clock.fix(closes.plusSeconds(1));
            Api.bust(id, "a day late").then().statusCode(422)
                    .body("type", equalTo("/problems/bust-window-closed"))
                    .body("detail", containsString("the window of PT24H closed at " + closes));
            assertThat(Api.position(buyer, instrument)).containsExactly(4L, 0L);

            clock.fix(closes); // the last instant of the window
            Api.bust(id, "just in time").then().statusCode(200).body("status", equalTo("BUSTED"));
        } finally {
            clock.reset();
        }
        assertThat(Api.position(buyer, instrument)).containsExactly(0L, 0L);
    }

    @Test
    void noBustOnceTheTradesBusinessDateHasClosed() {
        String buyer = Accounts.tradable("BSWB", "HOUSE");
        String seller = Accounts.tradable("BSWS", "HOUSE");
        String instrument = Api.listed("TKFRN").get(1);
        LocalDate day = Api.today().plusDays(11);
        Api.openDay(day);
        long id = Api.cleared(TestTrade.of(instrument, 2, "18.45", buyer, seller).on(day));
        Api.backOffice().post("/business-days/{date}/close", day.toString()).then().statusCode(200);

        Api.bust(id, "too late").then().statusCode(422).body("type", equalTo("/problems/bust-window-closed"))
                .body("detail", containsString("closed"));
        Api.backOffice().body("{\"quantity\":1,\"reason\":\"too late\"}").post("/trades/{id}/correct", id)
                .then().statusCode(422).body("type", equalTo("/problems/bust-window-closed"));
        Api.backOffice().get("/trades/{id}", id).then().statusCode(200).body("status", equalTo("CLEARED"))
                .body("legs", hasSize(2));
        assertThat(Api.position(buyer, instrument)).containsExactly(2L, 0L);
    }

    @Test
    void aCorrectionBustsTheOriginalAndClearsALinkedTrade() {
        String buyer = Accounts.tradable("BSCB", "HOUSE");
        String seller = Accounts.tradable("BSCS", "CLIENT_OMNIBUS");
        String other = Accounts.tradable("BSCO", "HOUSE");
        String instrument = Api.listed("GH100").get(1);
        TestTrade trade = TestTrade.of(instrument, 10, "2.6", buyer, seller);
        long id = Api.cleared(trade);

        var corrected = Api.backOffice().body("""
                        {"quantity":6,"price":2.615,"buyerAccountId":"%s","reason":"wrong account"}""".formatted(other))
                .post("/trades/{id}/correct", id).then().statusCode(200)
                .body("busted.status", equalTo("BUSTED"))
                .body("corrected.status", equalTo("CLEARED"))
                .body("corrected.correctsTradeId", equalTo((int) id))
                .body("corrected.exchangeTradeId", equalTo(trade.exchangeTradeId() + "-C1"))
                .body("corrected.quantity", equalTo(6))
                .body("corrected.price", equalTo(new BigDecimal("2.615")))
                .extract().jsonPath();
        assertThat(Api.position(buyer, instrument)).containsExactly(0L, 0L);
        assertThat(Api.position(other, instrument)).containsExactly(6L, 0L);
        // Gross: the original 10 sold are gone, the corrected 6 stand.
        assertThat(Api.position(seller, instrument)).containsExactly(0L, 6L);

        long correctedId = corrected.getLong("corrected.tradeId");
        Api.backOffice().body("{\"price\":2.6001,\"reason\":\"off the grid\"}")
                .post("/trades/{id}/correct", correctedId)
                .then().statusCode(422).body("type", equalTo("/problems/trade-rejected"));
        Api.backOffice().get("/trades/{id}", correctedId).then().statusCode(200).body("status", equalTo("CLEARED"));
        assertThat(Api.position(other, instrument)).containsExactly(6L, 0L);
        Api.backOffice().body("{\"quantity\":3,\"reason\":\"again\"}").post("/trades/{id}/correct", id)
                .then().statusCode(409);
        Api.backOffice().body("{\"reason\":\"nothing\"}").post("/trades/{id}/correct", correctedId)
                .then().statusCode(400);
    }

    @Test
    void aBustIsPublishedPerLegAndPositionKeyedByAccount() {
        String buyerMember = Accounts.member("BSEB");
        String sellerMember = Accounts.member("BSES");
        String buyer = Accounts.open(buyerMember, "HOUSE");
        String seller = Accounts.open(sellerMember, "CLIENT_OMNIBUS");
        Accounts.awaitTradable(buyer, seller);
        String instrument = Api.listed("TKFRC").get(1);
        TestTrade trade = TestTrade.of(instrument, 6, "7.15", buyer, seller);
        long id = Api.cleared(trade);
        Api.bust(id, "exchange bust").then().statusCode(200);

        // Two keys may sit on two partitions: read until both accounts' events have come.
        Set<String> seen = new java.util.HashSet<>();
        List<TradeBusted> busted = TopicProbe.readUntil(Topics.CLEARING_TRADES,
                        r -> r.value().contains("TradeBusted") && r.value().contains(trade.exchangeTradeId())
                                && seen.add(r.key()) && seen.size() == 2, Duration.ofSeconds(30))
                .stream().filter(r -> Set.of(buyer, seller).contains(r.key()) && r.value().contains("TradeBusted"))
                .map(r -> {
                    EventEnvelope envelope = EventCodec.decode(r.value());
                    TradeBusted event = EventCodec.payload(envelope, ClearingEvents.TRADE_BUSTED);
                    assertThat(event.accountId()).isEqualTo(r.key());
                    return event;
                }).toList();
        assertThat(busted).hasSize(2);
        TradeBusted sell = busted.stream().filter(e -> e.side().equals("SELL")).findFirst().orElseThrow();
        assertThat(sell.tradeId()).isEqualTo(id);
        assertThat(sell.quantity()).isEqualTo(6);
        assertThat(sell.price()).isEqualByComparingTo("7.15");
        assertThat(sell.currency()).isEqualTo("CNY");
        assertThat(sell.memberId()).isEqualTo(sellerMember);
        assertThat(sell.reason()).isEqualTo("exchange bust");
        assertThat(sell.bustBusinessDate()).isEqualTo(trade.businessDate());

        Map<String, PositionChanged> latest = new java.util.HashMap<>();
        Set<String> changed = new java.util.HashSet<>();
        TopicProbe.readUntil(Topics.CLEARING_POSITIONS,
                        r -> Set.of(buyer, seller).contains(r.key()) && r.value().contains("\"version\":2")
                                && changed.add(r.key()) && changed.size() == 2, Duration.ofSeconds(30))
                .stream().filter(r -> Set.of(buyer, seller).contains(r.key()))
                .forEach(r -> {
                    PositionChanged p = EventCodec.payload(EventCodec.decode(r.value()),
                            ClearingEvents.POSITION_CHANGED);
                    assertThat(p.accountId()).isEqualTo(r.key());
                    latest.merge(p.accountId(), p, (a, b) -> a.version() > b.version() ? a : b);
                });
        LocalDate day = trade.businessDate();
        assertThat(latest.get(buyer)).isEqualTo(new PositionChanged(buyer, buyerMember, instrument, 0, 0, 0, day, 2));
        assertThat(latest.get(seller))
                .isEqualTo(new PositionChanged(seller, sellerMember, instrument, 0, 0, 0, day, 2));
    }
}
