package io.computeclearing.client;

import com.fasterxml.jackson.core.type.TypeReference;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Default cases at risk-service: a risk or admin user proposes a member's default, a second, different user approves
 * it (the member is then DEFAULTED at account-service) or someone withdraws it first. The back office reads them;
 * members never do.
 */
public final class Defaults {

    public enum Reason { MISSED_MARGIN_CALL, MISSED_CONTRIBUTION_CALL, INSOLVENCY, REGULATOR }

    public enum Status { PROPOSED, WITHDRAWN, DECLARED }

    /** A case: who proposed it and why ({@code callId}: the escalated call that did), who decided it and when. */
    public record DefaultCase(long defaultId, String memberId, Reason reason, String detail, String callId,
                              Status status, String proposedBy, Instant proposedAt, String decidedBy,
                              Instant decidedAt, String withdrawalReason) {
    }

    private record Proposal(String memberId, Reason reason, String detail) {
    }

    private record Withdrawal(String why) {
    }

    private final RestCalls calls;
    private final URI defaults;

    Defaults(RestCalls calls, URI riskService) {
        this.calls = calls;
        this.defaults = RestCalls.url(riskService, "defaults");
    }

    /** Proposes the member's default (risk, admin); 409 while a case of the member is open. */
    public DefaultCase propose(String memberId, Reason reason, String detail) {
        return calls.post(defaults, new Proposal(memberId, reason, detail), DefaultCase.class);
    }

    /** Approves a proposal (risk, admin; never its proposer: 409 four-eyes): the member is in default. */
    public DefaultCase approve(long defaultId) {
        return calls.post(RestCalls.url(defaults, defaultId, "approval"), null, DefaultCase.class);
    }

    /** Withdraws a proposal before approval. */
    public DefaultCase withdraw(long defaultId, String why) {
        return calls.post(RestCalls.url(defaults, defaultId, "withdrawal"), new Withdrawal(why), DefaultCase.class);
    }

    public DefaultCase get(long defaultId) {
        return calls.get(RestCalls.url(defaults, defaultId), DefaultCase.class);
    }

    /** Cases newest first; {@code status} and {@code memberId} filter when not null. */
    public List<DefaultCase> list(Status status, String memberId) {
        return calls.get(RestCalls.query(defaults, RestCalls.parameters("status", status, "memberId", memberId)),
                new TypeReference<>() { });
    }
}
