package io.computeclearing.clearing.trade;

import io.computeclearing.clearing.catalogue.ContractFamily;
import io.computeclearing.clearing.catalogue.Instrument;
import io.computeclearing.clearing.config.ClearingConfig;
import io.computeclearing.clearing.day.BusinessDays;
import io.computeclearing.clearing.position.PositionKeeping;
import io.computeclearing.platform.accounts.KnownAccount;
import io.computeclearing.platform.events.clearing.ClearingEvents;
import io.computeclearing.platform.events.clearing.ClearingEvents.TradeBusted;
import io.computeclearing.platform.outbox.Outbox;
import io.computeclearing.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Busts and corrections by the back office. A bust cancels a cleared trade: each leg that still holds contracts gets
 * a reversal leg (same side, opposite sign) on the trade's business date, positions move back by exactly those
 * contracts, and a TradeBusted per leg and a PositionChanged per position are recorded. The trade stays, BUSTED. A
 * correction is a bust and a new trade pointing back at the original, in one transaction. Both are allowed within
 * the bust window: {@code ccp.clearing.bust-window} after the trade cleared, while its business date is open.
 */
@ApplicationScoped
@Transactional
public class TradeBusts {

    /** What a correction produced: the original, now BUSTED, and the trade that replaces it. */
    public record Correction(Trade busted, Trade corrected) {
    }

    private final EntityManager em;
    private final TradeCapture capture;
    private final PositionKeeping positions;
    private final BusinessDays businessDays;
    private final Outbox outbox;
    private final Clock clock;
    private final ClearingConfig config;

    public TradeBusts(EntityManager em, TradeCapture capture, PositionKeeping positions, BusinessDays businessDays,
                      Outbox outbox, Clock clock, ClearingConfig config) {
        this.em = em;
        this.capture = capture;
        this.positions = positions;
        this.businessDays = businessDays;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    /** Busts the trade: 404 unknown, 409 already busted, 422 outside the bust window. */
    public Trade bust(long tradeId, String reason) {
        Trade trade = lockCleared(tradeId);
        requireWithinWindow(trade, "busted");
        reverse(trade, reason);
        return trade;
    }

    /**
     * Busts the trade and clears {@code replacement} in its place (its exchange trade id is ignored: the new trade
     * gets the original's with {@code -C<n>} appended, n counting corrections). The replacement is checked by every
     * capture rule; if it breaks one, nothing happens (422).
     */
    public Correction correct(long tradeId, TradeSubmission replacement, String reason) {
        Trade original = lockCleared(tradeId);
        requireWithinWindow(original, "corrected");
        reverse(original, reason);
        TradeSubmission submission = new TradeSubmission(correctionId(original), replacement.instrumentId(),
                replacement.quantity(), replacement.price(), replacement.buyerAccountId(),
                replacement.sellerAccountId(), replacement.tradeTime(), replacement.businessDate());
        CaptureOutcome outcome = capture.capture(List.of(submission)).getFirst();
        if (outcome.status() != CaptureOutcome.Status.ACCEPTED) {
            throw outcome.status() == CaptureOutcome.Status.REJECTED ? outcome.problem()
                    : ProblemException.conflict("trade-id-conflict", "Correction already recorded",
                    "trade id " + submission.exchangeTradeId() + " is already taken");
        }
        outcome.trade().correctsTradeId = original.id;
        return new Correction(original, outcome.trade());
    }

    /**
     * The trade an exchange trade id stands for now: the trade reported under it, or, after corrections, the last
     * trade in the chain of corrections.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Trade> current(String exchangeTradeId) {
        Optional<Trade> trade = em.createQuery("from Trade t where t.exchangeTradeId = :id", Trade.class)
                .setParameter("id", exchangeTradeId).getResultStream().findFirst();
        while (trade.isPresent()) {
            Optional<Trade> next = em.createQuery("from Trade t where t.correctsTradeId = :id", Trade.class)
                    .setParameter("id", trade.get().id).getResultStream().findFirst();
            if (next.isEmpty()) {
                break;
            }
            trade = next;
        }
        return trade;
    }

    /**
     * 409 {@code /problems/trade-busted} when the trade was busted (or corrected) already, 409
     * {@code /problems/default-management-trade} for a transfer trade.
     */
    private Trade lockCleared(long tradeId) {
        Trade trade = em.find(Trade.class, tradeId, LockModeType.PESSIMISTIC_WRITE);
        if (trade == null) {
            throw ProblemException.notFound("trade", Long.toString(tradeId));
        }
        requireExchangeTrade(trade, "busted or corrected");
        if (trade.status == Trade.Status.BUSTED) {
            throw ProblemException.conflict("trade-busted", "Trade already busted",
                    "trade " + tradeId + " (" + trade.exchangeTradeId + ") was busted at " + trade.bustedAt + ": "
                            + trade.bustReason);
        }
        return trade;
    }

    /**
     * 409 {@code /problems/default-management-trade} for a transfer trade: default management booked it at an agreed
     * price between a defaulted member and another; there is no exchange trade to cancel, and its legs stay where
     * default management put them. A new transfer moves them again if need be.
     */
    public static void requireExchangeTrade(Trade trade, String what) {
        if (trade.transferId != null) {
            throw ProblemException.conflict("default-management-trade", "Default-management trade", "trade "
                    + trade.id + " (" + trade.exchangeTradeId + ") was booked by default-management transfer "
                    + trade.transferId + ": it cannot be " + what);
        }
    }

    /**
     * 422 {@code /problems/bust-window-closed} once the window has passed or the trade's business date has closed.
     * The date is held open (share lock) until the transaction ends, so a close waits for the reversal. Give-ups
     * are accepted within the same window. 409 {@code /problems/instrument-settled} once the instrument was finally
     * settled: its positions are closed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireWithinWindow(Trade trade, String what) {
        Instant closes = trade.clearedAt.plus(config.bustWindow());
        if (clock.instant().isAfter(closes)) {
            throw ProblemException.refused("bust-window-closed", "Bust window closed", "trade " + trade.id
                    + " cleared at " + trade.clearedAt + " can no longer be " + what + ": the window of "
                    + config.bustWindow() + " closed at " + closes);
        }
        // Share lock, taken before any position: a final settlement waits for the reversal, never the other way.
        if (em.find(Instrument.class, trade.instrumentId, LockModeType.PESSIMISTIC_READ).settled()) {
            throw ProblemException.conflict("instrument-settled", "Instrument finally settled", "trade " + trade.id
                    + " can no longer be " + what + ": instrument " + trade.instrumentId + " was finally settled and "
                    + "its positions are closed");
        }
        if (businessDays.holdOpen(Set.of(trade.businessDate)).isEmpty()) {
            throw ProblemException.refused("bust-window-closed", "Bust window closed", "trade " + trade.id
                    + " can no longer be " + what + ": its business date " + trade.businessDate + " is closed");
        }
    }

    private void reverse(Trade trade, String reason) {
        Instant now = clock.instant();
        List<TradeLeg> live = trade.liveLegs();
        List<TradeLeg> reversals = new ArrayList<>(live.size());
        for (TradeLeg leg : live) {
            reversals.add(leg.reverse());
        }
        for (TradeLeg reversal : reversals) {
            em.persist(reversal);
        }
        trade.legs.addAll(reversals);
        trade.status = Trade.Status.BUSTED;
        trade.bustedAt = now;
        trade.bustReason = reason;
        em.flush();
        positions.apply(reversals, accounts(live.stream().map(l -> l.accountId).collect(Collectors.toSet())));
        ContractFamily family = em.find(Instrument.class, trade.instrumentId).family;
        for (TradeLeg leg : live) {
            outbox.record(ClearingEvents.TRADE_BUSTED, leg.accountId, new TradeBusted(trade.id, leg.id,
                    trade.exchangeTradeId, trade.instrumentId, leg.side.name(), leg.contracts(), trade.price,
                    family.currency, family.contractUnit.stripTrailingZeros(), trade.businessDate, leg.businessDate,
                    leg.accountId, leg.memberId, reason, now));
        }
    }

    /** The directory's view of the accounts, for position keeping (netting or gross). */
    public Map<String, KnownAccount> accounts(Collection<String> ids) {
        return em.createQuery("from KnownAccount a where a.id in :ids", KnownAccount.class)
                .setParameter("ids", ids).getResultStream()
                .collect(Collectors.toMap(a -> a.id, Function.identity()));
    }

    /** {@code <first exchange trade id>-C<n>}: the n-th correction of the trade first reported under that id. */
    private String correctionId(Trade original) {
        Trade first = original;
        int n = 1;
        while (first.correctsTradeId != null) {
            first = em.find(Trade.class, first.correctsTradeId);
            n++;
        }
        return first.exchangeTradeId + "-C" + n;
    }
}
