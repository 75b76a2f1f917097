package io.computeclearing.clearing.day;

import io.computeclearing.clearing.Accounts;
import io.computeclearing.clearing.Api;
import io.computeclearing.clearing.TestTrade;
import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.clearing.ClearingEvents;
import io.computeclearing.platform.events.clearing.ClearingEvents.BusinessDayClosed;
import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.testsupport.TestTokens;
import io.computeclearing.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Closing a business day publishes BusinessDayClosed with exactly the trade events published for the date, so
 * settlement can tell it has them all; afterwards nothing more can belong to the date.
 */
@QuarkusTest
class BusinessDayClosedTest {

    /** A date of this test alone: no other test trades on it. */
    private static final LocalDate DAY = LocalDate.of(2025, 4, 8);

    @Inject
    DatabaseProbe database;

    @Test
    void theCountsOfAClosedDayAreTheTradeEventsPublishedForIt() {
        String executing = Accounts.member("BDE");
        String receiving = Accounts.member("BDR");
        String other = Accounts.member("BDS");
        String from = Accounts.open(executing, "HOUSE");
        String to = Accounts.open(receiving, "CLIENT_OMNIBUS");
        String seller = Accounts.open(other, "HOUSE");
        Accounts.awaitTradable(from, to, seller);
        String instrument = Api.newFamily().get(1);
        Api.openDay(DAY);

        long first = Api.cleared(TestTrade.of(instrument, 5, "3.1", from, seller).on(DAY));
        long second = Api.cleared(TestTrade.of(instrument, 2, "3.2", seller, from).on(DAY));
        long third = Api.cleared(TestTrade.of(instrument, 1, "3.3", from, seller).on(DAY));
        // The first trade's BUY leg is given up and accepted; then the trade is busted: its SELL leg and the
        // receiving account's leg are reversed (two busts), the give-up's own reversal is not a bust.
        accept(receiving, giveUp(executing, first, to)).then().statusCode(200);
        Api.bust(first, "wrong price").then().statusCode(200);
        Api.bust(second, "duplicate").then().statusCode(200);
        long pending = giveUp(executing, third, to);

        Api.backOffice().post("/business-days/{date}/close", DAY.toString()).then().statusCode(200)
                .body("status", equalTo("CLOSED"));

        BusinessDayClosed closed = closedEvent();
        assertThat(closed.businessDate()).isEqualTo(DAY);
        assertThat(closed.tradeLegsCleared()).isEqualTo(6);
        assertThat(closed.tradeLegsBusted()).isEqualTo(4);
        assertThat(closed.giveUpsAccepted()).isEqualTo(1);

        // What was really published for the date: 6 TradeCleared, 4 TradeBusted, 2 GiveUpAccepted (one give-up).
        List<EventEnvelope> ofTheDay = TopicProbe.readAll(Topics.CLEARING_TRADES, Duration.ofSeconds(5)).stream()
                .map(ConsumerRecord::value).map(EventCodec::decode).filter(BusinessDayClosedTest::belongsToDay)
                .toList();
        assertThat(ofTheDay.stream().filter(e -> e.is(ClearingEvents.TRADE_CLEARED)).count())
                .isEqualTo(closed.tradeLegsCleared());
        assertThat(ofTheDay.stream().filter(e -> e.is(ClearingEvents.TRADE_BUSTED)).count())
                .isEqualTo(closed.tradeLegsBusted());
        assertThat(ofTheDay.stream().filter(e -> e.is(ClearingEvents.GIVE_UP_ACCEPTED)).count())
                .isEqualTo(2 * closed.giveUpsAccepted());

        // Nothing can belong to the closed date any more: no trade, no give-up, no bust; a second close publishes
        // nothing.
        Api.submit(TestTrade.of(instrument, 1, "3.4", from, seller).on(DAY)).then().statusCode(422)
                .body("violations[0].field", equalTo("businessDate"));
        accept(receiving, pending).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/bust-window-closed"))
                .body("detail", equalTo("trade " + third + " can no longer be given up: its business date " + DAY
                        + " is closed"));
        Api.bust(third, "too late").then().statusCode(422).body("type", equalTo("/problems/bust-window-closed"));
        Api.backOffice().post("/business-days/{date}/close", DAY.toString()).then().statusCode(200);
        assertThat(database.count("select count(*) from outbox_event where event_type = 'BusinessDayClosed' "
                + "and aggregate_id = ?", DAY.toString())).isEqualTo(1);
        assertThat(database.count("select count(*) from give_up where id = ? and status = 'PENDING'", pending))
                .isEqualTo(1);
    }

    @Test
    void aDayWithoutTradesClosesWithZeroCounts() {
        LocalDate quiet = LocalDate.of(2025, 4, 15);
        Api.openDay(quiet);
        Api.backOffice().post("/business-days/{date}/close", quiet.toString()).then().statusCode(200);
        BusinessDayClosed closed = EventCodec.payload(EventCodec.decode(TopicProbe.readUntil(Topics.CLEARING_DAYS,
                r -> r.key().equals(quiet.toString()), Duration.ofSeconds(30)).getLast().value()),
                ClearingEvents.BUSINESS_DAY_CLOSED);
        assertThat(closed.tradeLegsCleared()).isZero();
        assertThat(closed.tradeLegsBusted()).isZero();
        assertThat(closed.giveUpsAccepted()).isZero();
    }

    private static BusinessDayClosed closedEvent() {
        List<ConsumerRecord<String, String>> records = TopicProbe.readUntil(Topics.CLEARING_DAYS,
                r -> r.key().equals(DAY.toString()), Duration.ofSeconds(30));
        ConsumerRecord<String, String> last = records.getLast();
        assertThat(last.key()).isEqualTo(DAY.toString());
        return EventCodec.payload(EventCodec.decode(last.value()), ClearingEvents.BUSINESS_DAY_CLOSED);
    }

    private static boolean belongsToDay(EventEnvelope event) {
        if (event.is(ClearingEvents.TRADE_CLEARED)) {
            return EventCodec.payload(event, ClearingEvents.TRADE_CLEARED).businessDate().equals(DAY);
        }
        if (event.is(ClearingEvents.TRADE_BUSTED)) {
            return EventCodec.payload(event, ClearingEvents.TRADE_BUSTED).bustBusinessDate().equals(DAY);
        }
        return event.is(ClearingEvents.GIVE_UP_ACCEPTED)
                && EventCodec.payload(event, ClearingEvents.GIVE_UP_ACCEPTED).businessDate().equals(DAY);
    }

    private static long giveUp(String executingMember, long tradeId, String toAccount) {
        return ((Number) Api.as(TestTokens.member(executingMember))
                .body("{\"side\":\"BUY\",\"toAccountId\":\"%s\"}".formatted(toAccount))
                .post("/trades/{id}/give-ups", tradeId).then().statusCode(201).extract().path("giveUpId")).longValue();
    }

    private static Response accept(String receivingMember, long giveUpId) {
        return Api.as(TestTokens.member(receivingMember)).post("/give-ups/{id}/accept", giveUpId);
    }
}
