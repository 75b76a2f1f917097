package io.computeclearing.clearing.transfer;

import io.computeclearing.clearing.Accounts;
import io.computeclearing.clearing.Api;
import io.computeclearing.clearing.TestTrade;
import io.computeclearing.clearing.transfer.Transfers.Instruction;
import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.clearing.ClearingEvents;
import io.computeclearing.platform.events.clearing.ClearingEvents.BusinessDayClosed;
import io.computeclearing.platform.events.clearing.ClearingEvents.PositionChanged;
import io.computeclearing.platform.events.clearing.ClearingEvents.PositionsTransferred;
import io.computeclearing.platform.events.clearing.ClearingEvents.TradeCleared;
import io.computeclearing.platform.events.clearing.ClearingEvents.TransferredLeg;
import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static io.computeclearing.clearing.transfer.Transfers.leg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

/**
 * Default management's transfers are booked as transfer trades on the first open day after the price date: a ported
 * client account's positions move whole, an omnibus account gives exact gross buckets, a hedge opens new positions;
 * the events tell margin (PositionChanged), settlement (TradeCleared, counted at the day's close) and account-service
 * (PositionsTransferred); the same instruction twice books once; a transfer trade is neither busted nor given up.
 */
@QuarkusTest
class PositionTransferTest {

    @Inject
    DatabaseProbe database;

    @Test
    void portingMovesASegregatedClientAccountsLongAndShortToTheReceiver() {
        LocalDate priceDate = LocalDate.of(2024, 3, 4);
        LocalDate transferDate = priceDate.plusDays(1);
        String defaulting = Accounts.member("PTD");
        String receiving = Accounts.member("PTR");
        String counterparty = Accounts.member("PTC");
        String client = Accounts.open(defaulting, "CLIENT_SEGREGATED");
        String porter = Accounts.open(receiving, "CLIENT_SEGREGATED");
        String house = Accounts.open(counterparty, "HOUSE");
        Accounts.awaitTradable(client, porter, house);
        List<String> instruments = Api.newFamily();
        String january = instruments.get(1);
        String february = instruments.get(2);

        // The client is long 7 January and short 4 February when its clearing member defaults.
        Api.openDay(priceDate);
        Api.cleared(TestTrade.of(january, 7, "3.10", client, house).on(priceDate));
        Api.cleared(TestTrade.of(february, 4, "5.20", house, client).on(priceDate));
        Accounts.defaulted(defaulting, client, "default 41: MISSED_MARGIN_CALL");
        Api.openDay(transferDate);

        // Ported at the price date's prices (any decimals: not an exchange trade).
        Instruction porting = Instruction.of("PORTING", defaulting, client, receiving, porter, priceDate,
                leg(january, 7, "3.1234567891"), leg(february, -4, "5.25"));
        EventEnvelope instructed = Transfers.publish(porting);
        Transfers.awaitDecision(database, porting.transferId());

        assertThat(Api.position(client, january)).containsExactly(0L, 0L);
        assertThat(Api.position(client, february)).containsExactly(0L, 0L);
        assertThat(Api.position(porter, january)).containsExactly(7L, 0L);
        assertThat(Api.position(porter, february)).containsExactly(0L, 4L);

        Set<String> accounts = Set.of(client, porter);
        assertThat(Transfers.published(Topics.CLEARING_POSITIONS, ClearingEvents.POSITION_CHANGED,
                p -> accounts.contains(p.accountId()) && p.businessDate().equals(transferDate), 4))
                .containsExactlyInAnyOrder(
                        new PositionChanged(client, defaulting, january, 0, 0, 0, transferDate, 2),
                        new PositionChanged(client, defaulting, february, 0, 0, 0, transferDate, 2),
                        new PositionChanged(porter, receiving, january, 7, 0, 7, transferDate, 1),
                        new PositionChanged(porter, receiving, february, 0, 4, -4, transferDate, 1));

        // Settlement sees each account trade in its direction at the agreed price, on the transfer date.
        String first = "DM:" + porting.transferId() + "/1";
        String second = "DM:" + porting.transferId() + "/2";
        List<TradeCleared> cleared = Transfers.published(Topics.CLEARING_TRADES, ClearingEvents.TRADE_CLEARED,
                t -> t.exchangeTradeId().startsWith("DM:" + porting.transferId() + "/"), 4);
        assertThat(cleared).extracting(TradeCleared::exchangeTradeId, TradeCleared::accountId, TradeCleared::memberId,
                        TradeCleared::instrumentId, TradeCleared::side, TradeCleared::quantity, TradeCleared::price,
                        TradeCleared::businessDate)
                .containsExactlyInAnyOrder(
                        tuple(first, client, defaulting, january, "SELL", 7L, new BigDecimal("3.1234567891"),
                                transferDate),
                        tuple(first, porter, receiving, january, "BUY", 7L, new BigDecimal("3.1234567891"),
                                transferDate),
                        tuple(second, client, defaulting, february, "BUY", 4L, new BigDecimal("5.25"), transferDate),
                        tuple(second, porter, receiving, february, "SELL", 4L, new BigDecimal("5.25"),
                                transferDate));
        assertThat(cleared).extracting(TradeCleared::currency, TradeCleared::contractUnit)
                .containsOnly(tuple("USD", new BigDecimal("1000")));

        // Both accounts are told, each on its own key, with the trades and legs it made.
        List<PositionsTransferred> transferred = Transfers.published(Topics.CLEARING_TRADES,
                ClearingEvents.POSITIONS_TRANSFERRED, t -> t.transferId().equals(porting.transferId()), 2);
        assertThat(transferred).extracting(PositionsTransferred::accountId).containsExactlyInAnyOrder(client, porter);
        PositionsTransferred told = transferred.getFirst();
        assertThat(told.purpose()).isEqualTo("PORTING");
        assertThat(told.defaultId()).isEqualTo(41);
        assertThat(told.fromAccountId()).isEqualTo(client);
        assertThat(told.fromMemberId()).isEqualTo(defaulting);
        assertThat(told.toAccountId()).isEqualTo(porter);
        assertThat(told.toMemberId()).isEqualTo(receiving);
        assertThat(told.businessDate()).isEqualTo(transferDate);
        assertThat(told.legs()).extracting(TransferredLeg::instrumentId, TransferredLeg::quantity,
                        TransferredLeg::price, TransferredLeg::currency, TransferredLeg::contractUnit)
                .containsExactly(tuple(january, 7L, new BigDecimal("3.1234567891"), "USD", new BigDecimal("1000")),
                        tuple(february, -4L, new BigDecimal("5.25"), "USD", new BigDecimal("1000")));
        assertThat(transferred.getLast().legs()).isEqualTo(told.legs());

        // The back office sees the transfer trade: the receiver bought from the defaulter; the defaulter's leg takes
        // the long out (BUY, negative), the receiver's adds it.
        TransferredLeg januaryLeg = told.legs().getFirst();
        Api.backOffice().get("/trades/{id}", januaryLeg.tradeId()).then().statusCode(200)
                .body("exchangeTradeId", equalTo(first))
                .body("transferId", equalTo(porting.transferId()))
                .body("buyerAccountId", equalTo(porter))
                .body("sellerAccountId", equalTo(client))
                .body("quantity", equalTo(7))
                .body("price", equalTo(new BigDecimal("3.1234567891")))
                .body("businessDate", equalTo(transferDate.toString()))
                .body("legs.legId", equalTo(List.of((int) januaryLeg.toLegId(), (int) januaryLeg.fromLegId())))
                .body("legs.kind", everyItem(equalTo("TRANSFER")))
                .body("legs.side", equalTo(List.of("BUY", "BUY")))
                .body("legs.quantity", equalTo(List.of(7, -7)));
        Api.backOffice().queryParam("accountId", client).queryParam("businessDate", transferDate.toString())
                .get("/trades").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.kind", everyItem(equalTo("TRANSFER")))
                .body("items.transferId", everyItem(equalTo(porting.transferId())));

        // The same instruction again, redelivered or resent under a new event id, changes nothing.
        Transfers.publish(instructed);
        EventEnvelope resent = Transfers.publish(porting);
        Transfers.awaitConsumed(database, resent);
        assertThat(database.count("select count(*) from trade where transfer_id = ?", porting.transferId()))
                .isEqualTo(2);
        assertThat(Transfers.recorded(database, "PositionsTransferred", porting.transferId())).isEqualTo(2);
        Api.backOffice().queryParam("accountId", porter).get("/positions").then().statusCode(200)
                .body("version", equalTo(List.of(1, 1)));

        // A transfer trade is default management's, not the exchange's: no bust, correction or give-up, and no
        // exchange can report a trade under its id.
        Api.bust(januaryLeg.tradeId(), "wrong price").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/default-management-trade"))
                .body("detail", equalTo("trade " + januaryLeg.tradeId() + " (" + first + ") was booked by "
                        + "default-management transfer " + porting.transferId()
                        + ": it cannot be busted or corrected"));
        Api.backOffice().body("{\"price\":3.2,\"reason\":\"wrong price\"}")
                .post("/trades/{id}/correct", januaryLeg.tradeId()).then().statusCode(409)
                .body("type", equalTo("/problems/default-management-trade"));
        Api.backOffice().body("{\"side\":\"BUY\",\"toAccountId\":\"%s\"}".formatted(house))
                .post("/trades/{id}/give-ups", januaryLeg.tradeId()).then().statusCode(409)
                .body("type", equalTo("/problems/default-management-trade"));
        Api.submit(TestTrade.of(january, 1, "3.10", house, porter).withId(first).on(transferDate)).then()
                .statusCode(422)
                .body("type", equalTo("/problems/trade-rejected"))
                .body("violations[0].field", equalTo("exchangeTradeId"))
                .body("violations[0].message", equalTo("must not start with 'DM:': reserved for the CCP's "
                        + "default-management transfer trades"));
        assertThat(Api.position(porter, january)).containsExactly(7L, 0L);

        // Closing the transfer date counts its four transfer legs among the TradeCleared settlement waits for.
        Api.backOffice().post("/business-days/{date}/close", transferDate.toString()).then().statusCode(200);
        BusinessDayClosed closed = EventCodec.payload(EventCodec.decode(TopicProbe.readUntil(Topics.CLEARING_DAYS,
                        r -> r.key().equals(transferDate.toString()), Duration.ofSeconds(30)).getLast().value()),
                ClearingEvents.BUSINESS_DAY_CLOSED);
        assertThat(closed.tradeLegsCleared()).isEqualTo(4);
        assertThat(closed.tradeLegsBusted()).isZero();
        assertThat(closed.giveUpsAccepted()).isZero();
    }

    @Test
    void anOmnibusAccountGivesExactGrossBucketsAndTheReceiverKeepsThemGross() {
        LocalDate priceDate = LocalDate.of(2024, 3, 11);
        LocalDate transferDate = priceDate.plusDays(1);
        String defaulting = Accounts.member("PTO");
        String bidder = Accounts.member("PTB");
        String counterparty = Accounts.member("PTK");
        String omnibus = Accounts.open(defaulting, "CLIENT_OMNIBUS");
        String winner = Accounts.open(bidder, "CLIENT_OMNIBUS");
        String house = Accounts.open(counterparty, "HOUSE");
        Accounts.awaitTradable(omnibus, winner, house);
        String instrument = Api.newFamily().get(1);

        // The defaulter's clients are long 10 and short 6 gross; the winner's are already long 2.
        Api.openDay(priceDate);
        Api.cleared(TestTrade.of(instrument, 10, "4.00", omnibus, house).on(priceDate));
        Api.cleared(TestTrade.of(instrument, 6, "4.10", house, omnibus).on(priceDate));
        Api.cleared(TestTrade.of(instrument, 2, "4.05", winner, house).on(priceDate));
        Accounts.defaulted(defaulting, omnibus, "default 42: INSOLVENCY");
        Api.openDay(transferDate);

        // The auction lot: 4 of the long and all 6 of the short.
        Instruction auction = Instruction.of("AUCTION", defaulting, omnibus, bidder, winner, priceDate,
                leg(instrument, 4, "3.95"), leg(instrument, -6, "4.15"));
        Transfers.publish(auction);
        Transfers.awaitDecision(database, auction.transferId());

        assertThat(Api.position(omnibus, instrument)).containsExactly(6L, 0L);
        assertThat(Api.position(winner, instrument)).containsExactly(6L, 6L);
        assertThat(Transfers.published(Topics.CLEARING_POSITIONS, ClearingEvents.POSITION_CHANGED,
                p -> Set.of(omnibus, winner).contains(p.accountId()) && p.businessDate().equals(transferDate), 2))
                .containsExactlyInAnyOrder(
                        new PositionChanged(omnibus, defaulting, instrument, 6, 0, 6, transferDate, 3),
                        new PositionChanged(winner, bidder, instrument, 6, 6, 0, transferDate, 2));
        assertThat(Transfers.published(Topics.CLEARING_TRADES, ClearingEvents.TRADE_CLEARED,
                t -> t.exchangeTradeId().startsWith("DM:" + auction.transferId() + "/"), 4))
                .extracting(TradeCleared::accountId, TradeCleared::side, TradeCleared::quantity, TradeCleared::price)
                .containsExactlyInAnyOrder(
                        tuple(omnibus, "SELL", 4L, new BigDecimal("3.95")),
                        tuple(winner, "BUY", 4L, new BigDecimal("3.95")),
                        tuple(omnibus, "BUY", 6L, new BigDecimal("4.15")),
                        tuple(winner, "SELL", 6L, new BigDecimal("4.15")));
        // As at each date, replayed from the legs: the buckets before and after the lot moved.
        Api.backOffice().queryParam("accountId", omnibus).queryParam("businessDate", priceDate.toString())
                .get("/positions").then().statusCode(200)
                .body("longQuantity", equalTo(List.of(10)))
                .body("shortQuantity", equalTo(List.of(6)));
        Api.backOffice().queryParam("accountId", omnibus).queryParam("businessDate", transferDate.toString())
                .get("/positions").then().statusCode(200)
                .body("longQuantity", equalTo(List.of(6)))
                .body("shortQuantity", equalTo(List.of(0)));
        // The book stays flat: the omnibus nets +6, the winner 0, the counterparty's house -6.
        Api.backOffice().queryParam("instrumentId", instrument).get("/open-interest").then().statusCode(200)
                .body("[0].netSum", equalTo(0));
    }

    @Test
    void aHedgeOpensNewPositionsForBothAccounts() {
        LocalDate priceDate = LocalDate.of(2024, 3, 18);
        LocalDate transferDate = priceDate.plusDays(1);
        String defaulting = Accounts.member("PTH");
        String hedger = Accounts.member("PTG");
        String house = Accounts.open(defaulting, "HOUSE");
        String counterparty = Accounts.open(hedger, "HOUSE");
        Accounts.awaitTradable(house, counterparty);
        List<String> instruments = Api.newFamily();
        Accounts.defaulted(defaulting, house, "default 43: REGULATOR");
        Api.openDay(transferDate);

        // The default manager sells 3 January to the hedger and buys 2 February from it.
        Instruction hedge = Instruction.of("HEDGE", defaulting, house, hedger, counterparty, priceDate,
                leg(instruments.get(1), 3, "2.5"), leg(instruments.get(2), -2, "-0.75"));
        Transfers.publish(hedge);
        Transfers.awaitDecision(database, hedge.transferId());

        assertThat(Api.position(house, instruments.get(1))).containsExactly(0L, 3L);
        assertThat(Api.position(house, instruments.get(2))).containsExactly(2L, 0L);
        assertThat(Api.position(counterparty, instruments.get(1))).containsExactly(3L, 0L);
        assertThat(Api.position(counterparty, instruments.get(2))).containsExactly(0L, 2L);
        assertThat(Transfers.published(Topics.CLEARING_TRADES, ClearingEvents.TRADE_CLEARED,
                t -> t.exchangeTradeId().startsWith("DM:" + hedge.transferId() + "/"), 4))
                .extracting(TradeCleared::accountId, TradeCleared::instrumentId, TradeCleared::side,
                        TradeCleared::quantity, TradeCleared::price, TradeCleared::businessDate)
                .containsExactlyInAnyOrder(
                        tuple(house, instruments.get(1), "SELL", 3L, new BigDecimal("2.5"), transferDate),
                        tuple(counterparty, instruments.get(1), "BUY", 3L, new BigDecimal("2.5"), transferDate),
                        tuple(house, instruments.get(2), "BUY", 2L, new BigDecimal("-0.75"), transferDate),
                        tuple(counterparty, instruments.get(2), "SELL", 2L, new BigDecimal("-0.75"), transferDate));
        assertThat(database.count("select count(*) from position_transfer where transfer_id = ? and status = 'BOOKED' "
                + "and business_date = ?", hedge.transferId(), transferDate)).isEqualTo(1);
    }

    @Test
    void anAuctionLotMayPriceOnePositionInTwoLegsAndAClientAccountHoldingNothingIsPortedWithoutTrades() {
        LocalDate priceDate = LocalDate.of(2024, 5, 6);
        LocalDate transferDate = priceDate.plusDays(1);
        String defaulting = Accounts.member("PTA");
        String winner = Accounts.member("PTW");
        String other = Accounts.member("PTX");
        String house = Accounts.open(defaulting, "HOUSE");
        String empty = Accounts.open(defaulting, "CLIENT_SEGREGATED");
        String winnerHouse = Accounts.open(winner, "HOUSE");
        String winnerClient = Accounts.open(winner, "CLIENT_SEGREGATED");
        String counterparty = Accounts.open(other, "HOUSE");
        Accounts.awaitTradable(house, empty, winnerHouse, winnerClient, counterparty);
        String instrument = Api.newFamily().get(1);
        Api.openDay(priceDate);
        Api.cleared(TestTrade.of(instrument, 3, "2.10", house, counterparty).on(priceDate));
        Accounts.defaulted(defaulting, house, "default 44: INSOLVENCY");
        Api.openDay(transferDate);

        // The winning bid priced the 3 long in two legs (2 at one price, 1 a cent per contract apart): both book,
        // and together they take the whole long.
        Instruction lot = Instruction.of("AUCTION", defaulting, house, winner, winnerHouse, priceDate,
                leg(instrument, 2, "1.89999"), leg(instrument, 1, "1.9"));
        Transfers.publish(lot);
        Transfers.awaitDecision(database, lot.transferId());
        assertThat(Api.position(house, instrument)).containsExactly(0L, 0L);
        assertThat(Api.position(winnerHouse, instrument)).containsExactly(3L, 0L);

        // A client account that holds nothing is ported all the same (its collateral moves), with no trade.
        Instruction porting = Instruction.of("PORTING", defaulting, empty, winner, winnerClient, priceDate);
        Transfers.publish(porting);
        Transfers.awaitDecision(database, porting.transferId());
        List<PositionsTransferred> told = Transfers.published(Topics.CLEARING_TRADES,
                ClearingEvents.POSITIONS_TRANSFERRED, t -> t.transferId().equals(porting.transferId()), 2);
        assertThat(told).extracting(PositionsTransferred::legs).containsOnly(List.of());
        assertThat(database.count("select count(*) from trade where transfer_id = ?", porting.transferId())).isZero();
    }
}
