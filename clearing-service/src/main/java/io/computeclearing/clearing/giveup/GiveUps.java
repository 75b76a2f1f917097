package io.computeclearing.clearing.giveup;

import io.computeclearing.clearing.catalogue.ContractFamily;
import io.computeclearing.clearing.catalogue.Instrument;
import io.computeclearing.clearing.position.PositionKeeping;
import io.computeclearing.clearing.trade.Trade;
import io.computeclearing.clearing.trade.TradeBusts;
import io.computeclearing.clearing.trade.TradeLeg;
import io.computeclearing.platform.accounts.AccountDirectory;
import io.computeclearing.platform.accounts.KnownAccount;
import io.computeclearing.platform.accounts.KnownMember;
import io.computeclearing.platform.events.clearing.ClearingEvents;
import io.computeclearing.platform.events.clearing.ClearingEvents.GiveUpAccepted;
import io.computeclearing.platform.outbox.Outbox;
import io.computeclearing.platform.problem.ProblemException;
import io.computeclearing.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Give-ups: the executing member (or the back office) asks to move one leg of a cleared trade to another member's
 * account; when the receiving member accepts, the leg is reversed out of the giving account and booked, same side,
 * quantity and price, in the receiving account, on the trade's business date. Acceptance is allowed in the same window
 * as a bust. A give-up to an account of the same member is refused: that is a transfer between the member's own
 * accounts, not a give-up. A give-up to an account that does not accept business (of a suspended or defaulted member)
 * is refused, and so is one from a defaulted member's account, whose positions are frozen for default management.
 */
@ApplicationScoped
@Transactional
public class GiveUps {

    private final EntityManager em;
    private final AccountDirectory directory;
    private final TradeBusts busts;
    private final PositionKeeping positions;
    private final Outbox outbox;
    private final Clock clock;

    public GiveUps(EntityManager em, AccountDirectory directory, TradeBusts busts, PositionKeeping positions,
                   Outbox outbox, Clock clock) {
        this.em = em;
        this.directory = directory;
        this.busts = busts;
        this.positions = positions;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * A PENDING give-up of the trade's {@code side} leg to {@code toAccountId}. 404 when the caller may not act for
     * the leg's member, 409 for a busted trade, a transfer trade, a leg already given up or one with a give-up pending,
     * 422 when the receiving account cannot take it or the leg's member is defaulted.
     */
    public GiveUp request(Caller caller, long tradeId, TradeLeg.Side side, String toAccountId) {
        Trade trade = em.find(Trade.class, tradeId, LockModeType.PESSIMISTIC_WRITE);
        if (trade == null) {
            throw ProblemException.notFound("trade", Long.toString(tradeId));
        }
        // The side's current leg: the novation leg, or the leg an earlier give-up booked.
        TradeLeg leg = trade.legs.stream().filter(l -> l.side == side && l.kind != TradeLeg.Kind.REVERSAL)
                .reduce((first, second) -> second.id > first.id ? second : first).orElse(null);
        if (leg == null || !caller.seesAllMembers() && !caller.memberId().map(leg.memberId::equals).orElse(false)) {
            throw ProblemException.notFound("trade", Long.toString(tradeId));
        }
        TradeBusts.requireExchangeTrade(trade, "given up");
        if (trade.status == Trade.Status.BUSTED) {
            throw busted(trade);
        }
        requireNotDefaulted(leg.accountId);
        KnownAccount to = directory.find(toAccountId).orElseThrow(() -> ProblemException.refused(
                "give-up-refused", "Give-up refused", "account '" + toAccountId + "' is not known"));
        if (!to.acceptsBusiness()) {
            throw closed(to);
        }
        if (to.memberId.equals(leg.memberId)) {
            throw ProblemException.refused("give-up-same-member", "Give-up to the same member",
                    "account '" + toAccountId + "' belongs to " + leg.memberId + ", the member that holds the leg: "
                            + "a give-up goes to another member; move it between own accounts by a transfer");
        }
        boolean pending = GiveUp.count("legId = ?1 and status = ?2", leg.id, GiveUp.Status.PENDING) > 0;
        if (pending) {
            throw ProblemException.conflict("give-up-pending", "Give-up already pending",
                    "the " + side + " leg of trade " + tradeId + " already has a pending give-up");
        }
        GiveUp giveUp = new GiveUp();
        giveUp.tradeId = trade.id;
        giveUp.legId = leg.id;
        giveUp.side = side;
        giveUp.fromAccountId = leg.accountId;
        giveUp.fromMemberId = leg.memberId;
        giveUp.toAccountId = to.id;
        giveUp.toMemberId = to.memberId;
        giveUp.status = GiveUp.Status.PENDING;
        giveUp.requestedBy = caller.name();
        giveUp.requestedAt = clock.instant();
        giveUp.persist();
        return giveUp;
    }

    /**
     * The receiving member (or the back office) accepts: the leg moves. 404 for anyone else, 409 when it is no longer
     * pending or the trade was busted, 422 outside the window, when the receiving account stopped accepting
     * business or the giving member was declared in default.
     */
    public GiveUp accept(Caller caller, long giveUpId) {
        GiveUp giveUp = pendingForReceiver(caller, giveUpId);
        Trade trade = em.find(Trade.class, giveUp.tradeId, LockModeType.PESSIMISTIC_WRITE);
        if (trade.status == Trade.Status.BUSTED) {
            throw busted(trade);
        }
        TradeLeg leg = trade.liveLegs().stream().filter(l -> l.id == giveUp.legId).findFirst()
                .orElseThrow(() -> ProblemException.conflict("give-up-stale", "Leg no longer held",
                        "leg " + giveUp.legId + " of trade " + trade.id + " was moved since the give-up was asked"));
        busts.requireWithinWindow(trade, "given up");
        requireNotDefaulted(leg.accountId);
        KnownAccount to = directory.find(giveUp.toAccountId).orElseThrow(() -> ProblemException.refused(
                "give-up-refused", "Give-up refused", "account '" + giveUp.toAccountId + "' is not known"));
        if (!to.acceptsBusiness()) {
            throw closed(to);
        }

        TradeLeg reversal = leg.reverse();
        TradeLeg received = new TradeLeg();
        received.trade = trade;
        received.side = leg.side;
        received.kind = TradeLeg.Kind.GIVE_UP;
        received.accountId = to.id;
        received.memberId = to.memberId;
        received.instrumentId = leg.instrumentId;
        received.quantity = leg.quantity;
        received.businessDate = leg.businessDate;
        em.persist(reversal);
        em.persist(received);
        trade.legs.add(reversal);
        trade.legs.add(received);
        Instant now = clock.instant();
        giveUp.status = GiveUp.Status.ACCEPTED;
        giveUp.decidedBy = caller.name();
        giveUp.decidedAt = now;
        em.flush();
        positions.apply(List.of(reversal, received), busts.accounts(List.of(leg.accountId, to.id)));
        ContractFamily family = em.find(Instrument.class, trade.instrumentId).family;
        for (String account : List.of(leg.accountId, to.id)) {
            outbox.record(ClearingEvents.GIVE_UP_ACCEPTED, account, new GiveUpAccepted(giveUp.id, trade.id, leg.id,
                    received.id, trade.exchangeTradeId, trade.instrumentId, leg.side.name(), leg.contracts(),
                    trade.price, family.currency, family.contractUnit.stripTrailingZeros(), leg.businessDate,
                    leg.accountId, leg.memberId, to.id, to.memberId, account, now));
        }
        return giveUp;
    }

    /** The receiving member (or the back office) rejects: nothing moves. */
    public GiveUp reject(Caller caller, long giveUpId) {
        GiveUp giveUp = pendingForReceiver(caller, giveUpId);
        giveUp.status = GiveUp.Status.REJECTED;
        giveUp.decidedBy = caller.name();
        giveUp.decidedAt = clock.instant();
        return giveUp;
    }

    /** Give-ups involving the caller's member (all for the back office), newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<GiveUp> list(Caller caller, GiveUp.Status status) {
        StringBuilder where = new StringBuilder("from GiveUp g where 1 = 1");
        Optional<String> member = caller.seesAllMembers() ? Optional.empty() : caller.memberId();
        if (!caller.seesAllMembers() && member.isEmpty()) {
            return List.of();
        }
        member.ifPresent(m -> where.append(" and (g.fromMemberId = :member or g.toMemberId = :member)"));
        if (status != null) {
            where.append(" and g.status = :status");
        }
        var query = em.createQuery(where + " order by g.id desc", GiveUp.class);
        member.ifPresent(m -> query.setParameter("member", m));
        if (status != null) {
            query.setParameter("status", status);
        }
        return query.getResultList();
    }

    /** Only the receiving member (or the back office) may decide; to anyone else the give-up does not exist. */
    private GiveUp pendingForReceiver(Caller caller, long giveUpId) {
        GiveUp giveUp = em.find(GiveUp.class, giveUpId, LockModeType.PESSIMISTIC_WRITE);
        if (giveUp == null || !caller.seesAllMembers()
                && !caller.memberId().map(giveUp.toMemberId::equals).orElse(false)) {
            throw ProblemException.notFound("give-up", Long.toString(giveUpId));
        }
        if (giveUp.status != GiveUp.Status.PENDING) {
            throw ProblemException.conflict("give-up-decided", "Give-up already decided",
                    "give-up " + giveUpId + " was " + giveUp.status + " by " + giveUp.decidedBy + " at "
                            + giveUp.decidedAt);
        }
        return giveUp;
    }

    /**
     * A defaulted member's positions are frozen for default management: no leg it holds is given up, not even one
     * asked for before the default was declared. (A suspended member's legs still may be: only new business stops.)
     */
    private void requireNotDefaulted(String accountId) {
        directory.find(accountId).filter(account -> account.memberStatus == KnownMember.Status.DEFAULTED)
                .ifPresent(account -> {
                    throw ProblemException.refused("give-up-refused", "Give-up refused", "account '" + accountId
                            + "' cannot give up: member " + account.memberId + " DEFAULTED, its positions are "
                            + "frozen for default management");
                });
    }

    private static ProblemException closed(KnownAccount to) {
        return ProblemException.refused("give-up-refused", "Give-up refused",
                "account '" + to.id + "' does not accept business (" + to.closedBecause() + ")");
    }

    private static ProblemException busted(Trade trade) {
        return ProblemException.conflict("trade-busted", "Trade busted",
                "trade " + trade.id + " (" + trade.exchangeTradeId + ") was busted: its legs cannot be given up");
    }
}
