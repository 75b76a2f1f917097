package io.computeclearing.clearing.position;

import io.computeclearing.clearing.trade.TradeLeg;
import io.computeclearing.platform.accounts.KnownAccount;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a batch of legs does to one account's position in one instrument: contracts bought and sold in it. Aggregating
 * first means one database write per account and instrument per batch, however many trades it holds.
 *
 * @param gross        true for a client omnibus account (buys add to long, sells to short); otherwise the account nets
 * @param businessDate the latest business date among the legs
 */
public record PositionDelta(String accountId, String instrumentId, String memberId, boolean gross, long bought,
                            long sold, LocalDate businessDate) {

    /** Locking order for the rows these deltas touch: by account, then instrument; every writer uses it. */
    public static final Comparator<PositionDelta> LOCK_ORDER =
            Comparator.comparing(PositionDelta::accountId).thenComparing(PositionDelta::instrumentId);

    /** The deltas of the legs, one per account and instrument, in {@link #LOCK_ORDER}. */
    public static List<PositionDelta> of(Collection<TradeLeg> legs, Map<String, KnownAccount> accounts) {
        Map<Position.Key, PositionDelta> deltas = new TreeMap<>(
                Comparator.comparing(Position.Key::accountId).thenComparing(Position.Key::instrumentId));
        for (TradeLeg leg : legs) {
            boolean gross = accounts.get(leg.accountId).accountType == KnownAccount.AccountType.CLIENT_OMNIBUS;
            PositionDelta one = new PositionDelta(leg.accountId, leg.instrumentId, leg.memberId, gross,
                    bought(leg), sold(leg), leg.businessDate);
            deltas.merge(new Position.Key(leg.accountId, leg.instrumentId), one, PositionDelta::plus);
        }
        return List.copyOf(deltas.values());
    }

    /**
     * Contracts a leg adds to its account's long bucket: a BUY's quantity, so a reversal of a BUY (negative) takes
     * them back out of long rather than adding to short; that keeps gross accounts exact.
     */
    private static long bought(TradeLeg leg) {
        return leg.side == TradeLeg.Side.BUY ? leg.quantity : 0;
    }

    /** Contracts a leg adds to the short bucket: minus a SELL's quantity (negative for a reversal of a SELL). */
    private static long sold(TradeLeg leg) {
        return leg.side == TradeLeg.Side.SELL ? -leg.quantity : 0;
    }

    public PositionDelta plus(PositionDelta other) {
        LocalDate latest = businessDate.isAfter(other.businessDate) ? businessDate : other.businessDate;
        return new PositionDelta(accountId, instrumentId, memberId, gross, Math.addExact(bought, other.bought),
                Math.addExact(sold, other.sold), latest);
    }

    /**
     * The long quantity this delta starts a new position with, and what it adds on top of an existing one: gross
     * accounts add what was bought; netting accounts carry the net change, split into long and short parts.
     */
    public long longPart() {
        return gross ? bought : Math.max(bought - sold, 0);
    }

    public long shortPart() {
        return gross ? sold : Math.max(sold - bought, 0);
    }
}
