package io.computeclearing.client;

import com.fasterxml.jackson.core.type.TypeReference;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Margin calls account-service issued when an account's collateral fell short of its requirement. */
public final class MarginCalls {

    public enum Status { OPEN, SETTLED, ESCALATED }

    /** @param amount the deficit to cover, in {@code currency}, by {@code deadline} */
    public record MarginCall(UUID id, String accountId, String memberId, String currency, BigDecimal amount,
                             BigDecimal requirement, BigDecimal collateralValue, Status status, Instant deadline,
                             Instant issuedAt, Instant amountRaisedAt, Instant settledAt, String settledReason,
                             Instant escalatedAt, BigDecimal outstandingAtEscalation, String cycleId) {
    }

    private final RestCalls calls;
    private final URI marginCalls;

    MarginCalls(RestCalls calls, URI accountService) {
        this.calls = calls;
        this.marginCalls = RestCalls.url(accountService, "margin-calls");
    }

    /** Calls the caller may see; {@code status} and {@code accountId} filter when not null. */
    public List<MarginCall> list(Status status, String accountId) {
        return calls.get(RestCalls.query(marginCalls, RestCalls.parameters("status", status, "accountId", accountId)),
                new TypeReference<>() { });
    }

    public MarginCall get(UUID id) {
        return calls.get(RestCalls.url(marginCalls, id), MarginCall.class);
    }
}
