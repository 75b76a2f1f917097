package io.computeclearing.clearing.trade;

import io.computeclearing.clearing.catalogue.Instrument;
import io.computeclearing.platform.accounts.KnownAccount;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * Replaces a matched trade between two accounts by two trades with the CCP in the middle: the CCP sells
 * {@code quantity} to the buyer (a BUY leg of {@code +quantity}) and buys it from the seller (a SELL leg of
 * {@code -quantity}). The legs sum to zero, so the CCP's own book stays flat.
 */
public final class Novation {

    private Novation() {
    }

    /** The cleared trade with its two legs, not yet persisted. The submission must have passed {@link TradeRules}. */
    public static Trade novate(TradeSubmission submission, Instrument instrument, KnownAccount buyer,
                               KnownAccount seller, Instant clearedAt) {
        Trade trade = new Trade();
        trade.exchangeTradeId = submission.exchangeTradeId();
        trade.instrumentId = instrument.id;
        trade.quantity = submission.quantity();
        trade.price = atTickScale(submission.price(), instrument.family.tickSize);
        trade.buyerAccountId = buyer.id;
        trade.sellerAccountId = seller.id;
        trade.tradeTime = Trade.storedTime(submission.tradeTime());
        trade.businessDate = submission.businessDate();
        trade.status = Trade.Status.CLEARED;
        trade.clearedAt = clearedAt;
        trade.legs.add(TradeLeg.of(trade, TradeLeg.Kind.NOVATION, TradeLeg.Side.BUY, buyer, trade.quantity));
        trade.legs.add(TradeLeg.of(trade, TradeLeg.Kind.NOVATION, TradeLeg.Side.SELL, seller, -trade.quantity));
        return trade;
    }

    /**
     * A price on the tick grid written with the tick's decimals (2.6 with tick 0.005 becomes 2.600). Exact: a price on
     * the grid never has more decimals than its tick.
     */
    public static BigDecimal atTickScale(BigDecimal price, BigDecimal tickSize) {
        int scale = Math.max(0, tickSize.stripTrailingZeros().scale());
        return price.setScale(scale, RoundingMode.UNNECESSARY);
    }
}
