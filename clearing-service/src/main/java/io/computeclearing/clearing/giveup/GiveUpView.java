package io.computeclearing.clearing.giveup;

import io.computeclearing.clearing.trade.TradeLeg;

import java.time.Instant;

/** A give-up as both members and the back office see it. */
public record GiveUpView(long giveUpId, long tradeId, long legId, TradeLeg.Side side, String fromAccountId,
                         String fromMemberId, String toAccountId, String toMemberId, GiveUp.Status status,
                         String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt) {

    public static GiveUpView of(GiveUp g) {
        return new GiveUpView(g.id, g.tradeId, g.legId, g.side, g.fromAccountId, g.fromMemberId, g.toAccountId,
                g.toMemberId, g.status, g.requestedBy, g.requestedAt, g.decidedBy, g.decidedAt);
    }
}
