package io.computeclearing.clearing.trade;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A cleared trade with its two legs, as the back office sees it. A default-management transfer trade names its
 * {@code transferId}; its buyer and seller are the accounts that bought and sold at the agreed price.
 */
public record TradeView(long tradeId, String exchangeTradeId, String instrumentId, long quantity, BigDecimal price,
                        String buyerAccountId, String sellerAccountId, Instant tradeTime, LocalDate businessDate,
                        Trade.Status status, Instant clearedAt, Instant bustedAt, String bustReason,
                        Long correctsTradeId, String transferId, List<Leg> legs) {

    /**
     * One leg: {@code quantity} is signed (positive BUY, negative SELL; a REVERSAL has the opposite sign of the leg it
     * takes back, and so does the defaulter's TRANSFER leg of a porting or an auction, which takes the contracts out
     * of its side's long or short); {@code reversed} once a bust or give-up took it back.
     */
    public record Leg(long legId, TradeLeg.Side side, TradeLeg.Kind kind, String accountId, String memberId,
                      long quantity, boolean reversed) {
    }

    public static TradeView of(Trade trade) {
        List<Leg> legs = trade.legs.stream()
                .map(l -> new Leg(l.id, l.side, l.kind, l.accountId, l.memberId, l.quantity, l.reversed))
                .toList();
        return new TradeView(trade.id, trade.exchangeTradeId, trade.instrumentId, trade.quantity, trade.price,
                trade.buyerAccountId, trade.sellerAccountId, trade.tradeTime, trade.businessDate, trade.status,
                trade.clearedAt, trade.bustedAt, trade.bustReason, trade.correctsTradeId, trade.transferId, legs);
    }
}
