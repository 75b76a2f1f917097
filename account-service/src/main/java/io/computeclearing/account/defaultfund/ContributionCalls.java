package io.computeclearing.account.defaultfund;

import io.computeclearing.account.margincall.DeadlineCalls;
import io.computeclearing.account.margincall.MarginCallConfig;
import io.computeclearing.account.member.ClearingMember;
import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.outbox.Outbox;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Contribution calls, with the deadline rule and escalation of margin calls ({@code ccp.margin-calls}): a required
 * contribution above what the member holds opens a call for the shortfall; a larger shortfall while it is OPEN raises
 * it (same id and deadline); the contribution reaching the requirement settles it; an OPEN call past its deadline is
 * escalated once. Every change is published through the outbox, keyed by member id.
 */
@ApplicationScoped
public class ContributionCalls extends DeadlineCalls<ContributionCall> {

    private static final Logger LOG = Logger.getLogger(ContributionCalls.class);

    private final Outbox outbox;

    public ContributionCalls(Outbox outbox, MarginCallConfig config, Clock clock) {
        super(ContributionCall.class, "contribution call", config, clock);
        this.outbox = outbox;
    }

    /**
     * Issues, raises or settles the member's call after its requirement or contribution changed ({@code cause}
     * DEPOSIT, REQUIREMENT, or REPLENISHMENT after a default waterfall drew on it). The caller holds the member's
     * lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void review(DefaultFundPosition position, String cause) {
        review(position.outstandingCall(), position.shortfall(), cause, () -> {
            ContributionCall call = new ContributionCall();
            call.memberId = position.memberId();
            call.currency = position.currency();
            return call;
        }, call -> {
            call.required = position.required();
            call.held = position.held();
            call.sizingId = position.sizingId() == null ? ContributionCall.NO_SIZING : position.sizingId();
        });
    }

    /** Calls newest first, filtered by status and member (null: no filter). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ContributionCall> list(ContributionCall.Status status, String memberId, int page, int size) {
        return newestFirst(Parameters.with("status", status).and("memberId", memberId), page, size);
    }

    @Override
    protected void publishIssued(ContributionCall call, Instant at) {
        outbox.record(AccountEvents.CONTRIBUTION_CALL_ISSUED, call.memberId,
                new AccountEvents.ContributionCallIssued(call.id.toString(), call.memberId, call.currency,
                        call.amount, call.required, call.held, call.sizingId, call.deadline, at));
    }

    @Override
    protected void publishSettled(ContributionCall call) {
        outbox.record(AccountEvents.CONTRIBUTION_CALL_SETTLED, call.memberId,
                new AccountEvents.ContributionCallSettled(call.id.toString(), call.memberId, call.currency,
                        call.amount, call.settledReason, call.settledAt));
    }

    @Override
    protected void lock(ContributionCall call) {
        ClearingMember.findById(call.memberId, LockModeType.PESSIMISTIC_WRITE);
    }

    @Override
    protected BigDecimal missing(ContributionCall call) {
        return DefaultFundPosition.of(call.memberId, call.currency).shortfall();
    }

    @Override
    protected void publishEscalated(ContributionCall call) {
        LOG.warnf("contribution call %s on member %s escalated: %s %s still missing after the deadline %s", call.id,
                call.memberId, call.currency, call.outstandingAtEscalation.toPlainString(), call.deadline);
        outbox.record(AccountEvents.CONTRIBUTION_CALL_ESCALATED, call.memberId,
                new AccountEvents.ContributionCallEscalated(call.id.toString(), call.memberId, call.currency,
                        call.outstandingAtEscalation, call.deadline, call.escalatedAt));
    }
}
