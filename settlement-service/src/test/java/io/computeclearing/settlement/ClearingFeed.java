package io.computeclearing.settlement;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.events.clearing.ClearingEvents;
import io.computeclearing.platform.events.clearing.ClearingEvents.BusinessDayClosed;
import io.computeclearing.platform.events.clearing.ClearingEvents.GiveUpAccepted;
import io.computeclearing.platform.events.clearing.ClearingEvents.InstrumentListed;
import io.computeclearing.platform.events.clearing.ClearingEvents.TradeBusted;
import io.computeclearing.platform.events.clearing.ClearingEvents.TradeCleared;
import io.computeclearing.testsupport.TopicProbe;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

/** Events as clearing-service publishes them: listings, trades (two legs), busts, give-ups and closed days. */
public final class ClearingFeed {

    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 100);

    /** An instrument as listed: tick and unit decide the cash value of one tick. */
    public record Instrument(String id, String currency, BigDecimal tick, BigDecimal unit, String indexId,
                            String rule, String contractMonth, LocalDate lastTradingDay) {
    }

    /** A cleared trade's two legs: the buyer's and the seller's. */
    public record Trade(long tradeId, TradeCleared buy, TradeCleared sell) {
    }

    private ClearingFeed() {
    }

    public static Instrument list(String family, String currency, String tick, String unit, String indexId,
                                  String rule, String contractMonth, LocalDate lastTradingDay) {
        Instrument instrument = new Instrument(SettlementApi.unique(family + "-" + contractMonth.replace("-", "") + "T"),
                currency, new BigDecimal(tick), new BigDecimal(unit), indexId, rule, contractMonth, lastTradingDay);
        publish(ClearingEvents.INSTRUMENT_LISTED, instrument.id(), new InstrumentListed(instrument.id(), family,
                contractMonth, lastTradingDay, currency, instrument.tick(), instrument.unit(), indexId, rule, "ACTIVE",
                Instant.now()));
        return instrument;
    }

    /** {@code buyer} buys {@code quantity} contracts from {@code seller} at {@code price} on {@code date}. */
    public static Trade trade(Instrument instrument, LocalDate date, String buyer, String seller, long quantity,
                              String price) {
        long tradeId = IDS.incrementAndGet();
        TradeCleared buy = leg(tradeId, instrument, date, "BUY", buyer, quantity, price);
        TradeCleared sell = leg(tradeId, instrument, date, "SELL", seller, quantity, price);
        publish(ClearingEvents.TRADE_CLEARED, buyer, buy);
        publish(ClearingEvents.TRADE_CLEARED, seller, sell);
        return new Trade(tradeId, buy, sell);
    }

    /** Like {@link #trade}, but the broker delivers each leg's event twice (the same event id). */
    public static Trade tradeDeliveredTwice(Instrument instrument, LocalDate date, String buyer, String seller,
                                            long quantity, String price) {
        long tradeId = IDS.incrementAndGet();
        TradeCleared buy = leg(tradeId, instrument, date, "BUY", buyer, quantity, price);
        TradeCleared sell = leg(tradeId, instrument, date, "SELL", seller, quantity, price);
        for (TradeCleared leg : new TradeCleared[] {buy, sell}) {
            String event = EventCodec.encode(EventEnvelope.of(ClearingEvents.TRADE_CLEARED, leg.accountId(), 1,
                    "clearing-service", leg));
            TopicProbe.publish(ClearingEvents.TRADE_CLEARED.topic(), leg.accountId(), event);
            TopicProbe.publish(ClearingEvents.TRADE_CLEARED.topic(), leg.accountId(), event);
        }
        return new Trade(tradeId, buy, sell);
    }

    /** Publishes only the buyer's leg: a book that no longer nets to zero. */
    public static TradeCleared buyLegOnly(Instrument instrument, LocalDate date, String buyer, long quantity,
                                          String price) {
        TradeCleared buy = leg(IDS.incrementAndGet(), instrument, date, "BUY", buyer, quantity, price);
        publish(ClearingEvents.TRADE_CLEARED, buyer, buy);
        return buy;
    }

    /** Publishes the seller's leg of a trade whose buyer's leg {@link #buyLegOnly} published: the trade complete. */
    public static TradeCleared sellLegOf(TradeCleared buy, Instrument instrument, String seller) {
        TradeCleared sell = leg(buy.tradeId(), instrument, buy.businessDate(), "SELL", seller, buy.quantity(),
                buy.price().toPlainString());
        publish(ClearingEvents.TRADE_CLEARED, seller, sell);
        return sell;
    }

    /** Busts one leg on the trade's own date. */
    public static void bust(TradeCleared leg) {
        publish(ClearingEvents.TRADE_BUSTED, leg.accountId(), new TradeBusted(leg.tradeId(), leg.legId(),
                leg.exchangeTradeId(), leg.instrumentId(), leg.side(), leg.quantity(), leg.price(), leg.currency(),
                leg.contractUnit(), leg.businessDate(), leg.businessDate(), leg.accountId(), leg.memberId(), "test",
                Instant.now()));
    }

    public static void bust(Trade trade) {
        bust(trade.buy());
        bust(trade.sell());
    }

    /** Gives {@code leg} up to {@code toAccount}; published twice, keyed by each account. */
    public static void giveUp(TradeCleared leg, String toAccount, String toMember) {
        long giveUpId = IDS.incrementAndGet();
        long toLegId = IDS.incrementAndGet();
        for (String account : new String[] {leg.accountId(), toAccount}) {
            publish(ClearingEvents.GIVE_UP_ACCEPTED, account, new GiveUpAccepted(giveUpId, leg.tradeId(), leg.legId(),
                    toLegId, leg.exchangeTradeId(), leg.instrumentId(), leg.side(), leg.quantity(), leg.price(),
                    leg.currency(), leg.contractUnit(), leg.businessDate(), leg.accountId(), leg.memberId(), toAccount,
                    toMember, account, Instant.now()));
        }
    }

    public static void closeDay(LocalDate date, long legsCleared, long legsBusted, long giveUps) {
        publish(ClearingEvents.BUSINESS_DAY_CLOSED, date.toString(),
                new BusinessDayClosed(date, legsCleared, legsBusted, giveUps, Instant.now()));
    }

    /** The member of an account opened by {@link SettlementApi#account}: the part before "-H". */
    public static String memberOf(String accountId) {
        return accountId.substring(0, accountId.lastIndexOf("-H"));
    }

    private static TradeCleared leg(long tradeId, Instrument instrument, LocalDate date, String side, String account,
                                    long quantity, String price) {
        return new TradeCleared(tradeId, IDS.incrementAndGet(), "X-" + tradeId, instrument.id(), side, quantity,
                new BigDecimal(price), instrument.currency(), instrument.unit(), Instant.now(), date, account,
                memberOf(account));
    }

    private static <P> void publish(EventType<P> type, String key, P payload) {
        TopicProbe.publish(type.topic(), key, EventCodec.encode(EventEnvelope.of(type, key, 1, "clearing-service",
                payload)));
    }
}
