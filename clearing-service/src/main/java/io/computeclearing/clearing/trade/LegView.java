package io.computeclearing.clearing.trade;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A trade as one account sees it after novation: its side against the CCP. {@code quantity} is the number of
 * contracts (positive), {@code side} the direction; {@code kind} REVERSAL takes that many back out (a bust, or the leg
 * given up), GIVE_UP is a leg received from another member, TRANSFER a leg of a default-management transfer
 * ({@code transferId}; the defaulter's leg of a porting or an auction takes the contracts out of the side's long or
 * short like a REVERSAL). The other account of the trade is not shown.
 */
public record LegView(long legId, long tradeId, String exchangeTradeId, String accountId, String memberId,
                      String instrumentId, TradeLeg.Side side, TradeLeg.Kind kind, long quantity, BigDecimal price,
                      Instant tradeTime, LocalDate businessDate, Trade.Status status, String transferId) {

    public static LegView of(TradeLeg leg) {
        Trade trade = leg.trade;
        return new LegView(leg.id, trade.id, trade.exchangeTradeId, leg.accountId, leg.memberId, leg.instrumentId,
                leg.side, leg.kind, leg.contracts(), trade.price, trade.tradeTime, leg.businessDate, trade.status,
                trade.transferId);
    }
}
