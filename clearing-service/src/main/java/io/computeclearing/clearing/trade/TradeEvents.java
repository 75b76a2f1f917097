package io.computeclearing.clearing.trade;

import io.computeclearing.clearing.catalogue.ContractFamily;
import io.computeclearing.clearing.catalogue.Instrument;
import io.computeclearing.platform.events.clearing.ClearingEvents;
import io.computeclearing.platform.events.clearing.ClearingEvents.TradeCleared;
import io.computeclearing.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;

/**
 * Records the trade events in the caller's transaction: one TradeCleared per leg, keyed by the leg's account, in the
 * direction the account traded (a transfer leg giving contracts away is a SELL of them, whatever its bucket).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TradeEvents {

    private final Outbox outbox;
    private final EntityManager em;

    public TradeEvents(Outbox outbox, EntityManager em) {
        this.outbox = outbox;
        this.em = em;
    }

    public void cleared(List<Trade> trades) {
        List<Outbox.Pending> events = new ArrayList<>(trades.size() * 2);
        for (Trade trade : trades) {
            ContractFamily family = em.find(Instrument.class, trade.instrumentId).family;
            for (TradeLeg leg : trade.legs) {
                events.add(Outbox.Pending.of(ClearingEvents.TRADE_CLEARED, leg.accountId, new TradeCleared(trade.id,
                        leg.id, trade.exchangeTradeId, trade.instrumentId, leg.direction().name(), leg.contracts(),
                        trade.price, family.currency, family.contractUnit.stripTrailingZeros(), trade.tradeTime,
                        trade.businessDate, leg.accountId, leg.memberId)));
            }
        }
        outbox.recordAll(events);
    }
}
