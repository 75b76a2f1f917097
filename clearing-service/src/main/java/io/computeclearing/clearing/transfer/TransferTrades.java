package io.computeclearing.clearing.transfer;

import io.computeclearing.clearing.trade.Trade;
import io.computeclearing.clearing.trade.TradeLeg;
import io.computeclearing.clearing.trade.TradeLeg.Side;
import io.computeclearing.platform.accounts.KnownAccount;
import io.computeclearing.platform.events.risk.RiskEvents.TransferLeg;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Turns a transfer leg into a transfer trade between the defaulter's account and the receiving account, CCP in the
 * middle as in {@link io.computeclearing.clearing.trade.Novation}: the receiving account's leg is a plain leg (BUY
 * {@code +q} for a positive leg quantity, SELL {@code -|q|} for a negative one). The defaulter's leg mirrors it with
 * the opposite sign: for a porting or an auction on the same side, so the contracts come out of the long or short
 * bucket that holds them (as a bust's reversal does); for a hedge on the other side, a new position like any trade's.
 * Both legs sum to zero, so the CCP's book stays flat.
 */
public final class TransferTrades {

    private TransferTrades() {
    }

    /**
     * The {@code number}-th leg's transfer trade (from 1), not yet persisted, on {@code businessDate}: buyer and seller
     * are the accounts that buy and sell at the agreed price, the trade time is when default management instructed it.
     */
    public static Trade of(TransferInstruction instruction, int number, KnownAccount from, KnownAccount to,
                           LocalDate businessDate, Instant clearedAt) {
        TransferLeg transferred = instruction.legs().get(number - 1);
        long q = transferred.quantity();
        boolean receiverBuys = q > 0;
        Trade trade = new Trade();
        trade.exchangeTradeId = instruction.tradeId(number);
        trade.transferId = instruction.transferId();
        trade.instrumentId = transferred.instrumentId();
        trade.quantity = Math.abs(q);
        trade.price = transferred.price();
        trade.buyerAccountId = receiverBuys ? to.id : from.id;
        trade.sellerAccountId = receiverBuys ? from.id : to.id;
        trade.tradeTime = Trade.storedTime(instruction.instructedAt());
        trade.businessDate = businessDate;
        trade.status = Trade.Status.CLEARED;
        trade.clearedAt = clearedAt;
        Side receiving = receiverBuys ? Side.BUY : Side.SELL;
        Side giving = instruction.takesHeldContracts() ? receiving : receiverBuys ? Side.SELL : Side.BUY;
        trade.legs.add(TradeLeg.of(trade, TradeLeg.Kind.TRANSFER, giving, from, -q));
        trade.legs.add(TradeLeg.of(trade, TradeLeg.Kind.TRANSFER, receiving, to, q));
        return trade;
    }
}
