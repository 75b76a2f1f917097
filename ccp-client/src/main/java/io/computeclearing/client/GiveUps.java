package io.computeclearing.client;

import com.fasterxml.jackson.core.type.TypeReference;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Give-ups at clearing-service: one side of a cleared trade moved to another member's account, which that member
 * accepts or rejects. A member user requests give-ups of its own legs and decides those given up to it.
 */
public final class GiveUps {

    public enum Status { PENDING, ACCEPTED, REJECTED }

    public record GiveUp(long giveUpId, long tradeId, long legId, Trades.Side side, String fromAccountId,
                         String fromMemberId, String toAccountId, String toMemberId, Status status,
                         String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt) {
    }

    private record Request(Trades.Side side, String toAccountId) {
    }

    private final RestCalls calls;
    private final URI clearingService;

    GiveUps(RestCalls calls, URI clearingService) {
        this.calls = calls;
        this.clearingService = clearingService;
    }

    /** Gives up {@code side} of a cleared trade to {@code toAccountId}; it stays pending until decided. */
    public GiveUp request(long tradeId, Trades.Side side, String toAccountId) {
        return calls.post(RestCalls.url(clearingService, "trades", tradeId, "give-ups"), new Request(side, toAccountId),
                GiveUp.class);
    }

    /** The give-ups the caller is party to, in {@code status} when not null. */
    public List<GiveUp> list(Status status) {
        return calls.get(RestCalls.query(RestCalls.url(clearingService, "give-ups"),
                RestCalls.parameters("status", status)), new TypeReference<>() { });
    }

    public GiveUp accept(long giveUpId) {
        return calls.post(RestCalls.url(clearingService, "give-ups", giveUpId, "accept"), null, GiveUp.class);
    }

    public GiveUp reject(long giveUpId) {
        return calls.post(RestCalls.url(clearingService, "give-ups", giveUpId, "reject"), null, GiveUp.class);
    }
}
