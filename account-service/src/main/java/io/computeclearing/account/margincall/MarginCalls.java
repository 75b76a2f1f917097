package io.computeclearing.account.margincall;

import io.computeclearing.account.account.Account;
import io.computeclearing.account.account.AccountService;
import io.computeclearing.account.cover.CoverAssessment;
import io.computeclearing.account.valuation.CollateralValuer;
import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.outbox.Outbox;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Margin calls from cover assessments. A deficit opens a call for {@code deficit} rounded UP to the base currency's
 * minor unit (a call never asks for less than is missing), due by {@link MarginCallDeadline}. While the call is OPEN
 * a larger deficit raises its amount (same call id, same deadline) and publishes MarginCallIssued again with the new
 * amount; a smaller one leaves it as it is. Cover restored (excess at least zero) settles the call; an OPEN call past
 * its deadline is escalated, once, with the deficit still missing. Every change is published through the outbox,
 * keyed by account id.
 */
@ApplicationScoped
public class MarginCalls extends DeadlineCalls<MarginCall> {

    private static final Logger LOG = Logger.getLogger(MarginCalls.class);

    private final Outbox outbox;
    private final AccountService accounts;

    public MarginCalls(Outbox outbox, AccountService accounts, MarginCallConfig config, Clock clock) {
        super(MarginCall.class, "margin call", config, clock);
        this.outbox = outbox;
        this.accounts = accounts;
    }

    /** Issues, raises or settles the account's call after a new assessment. The caller holds the account lock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void review(Account account, CoverAssessment cover) {
        review(MarginCall.outstanding(account.id, cover.baseCurrency), deficit(cover, cover.baseCurrency),
                cover.cause.name(), () -> {
                    MarginCall call = new MarginCall();
                    call.accountId = account.id;
                    call.memberId = account.memberId;
                    call.currency = cover.baseCurrency;
                    return call;
                }, call -> {
                    call.requirement = cover.requirement;
                    call.collateralValue = cover.collateralValue;
                });
    }

    /** Calls newest first, filtered by any of status, account and member (null: no filter). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MarginCall> list(MarginCall.Status status, String accountId, String memberId, int page, int size) {
        return newestFirst(Parameters.with("status", status).and("accountId", accountId).and("memberId", memberId),
                page, size);
    }

    @Override
    protected void publishIssued(MarginCall call, Instant at) {
        outbox.record(AccountEvents.MARGIN_CALL_ISSUED, call.accountId, new AccountEvents.MarginCallIssued(
                call.id.toString(), call.accountId, call.memberId, call.currency, call.amount, call.requirement,
                call.collateralValue, call.deadline, at));
    }

    @Override
    protected void publishSettled(MarginCall call) {
        outbox.record(AccountEvents.MARGIN_CALL_SETTLED, call.accountId, new AccountEvents.MarginCallSettled(
                call.id.toString(), call.accountId, call.memberId, call.currency, call.amount, call.settledReason,
                call.settledAt));
    }

    @Override
    protected void lock(MarginCall call) {
        accounts.lock(call.accountId);
    }

    @Override
    protected BigDecimal missing(MarginCall call) {
        CoverAssessment cover = CoverAssessment.findById(call.accountId);
        return cover == null ? BigDecimal.ZERO : deficit(cover, call.currency);
    }

    @Override
    protected void publishEscalated(MarginCall call) {
        LOG.warnf("margin call %s on %s escalated: %s %s still missing after the deadline %s", call.id,
                call.accountId, call.currency, call.outstandingAtEscalation.toPlainString(), call.deadline);
        outbox.record(AccountEvents.MARGIN_CALL_ESCALATED, call.accountId, new AccountEvents.MarginCallEscalated(
                call.id.toString(), call.accountId, call.memberId, call.currency, call.outstandingAtEscalation,
                call.deadline, call.escalatedAt));
    }

    /** The deficit rounded UP to the currency's minor unit: a call never asks for less than is missing. */
    private static BigDecimal deficit(CoverAssessment cover, String currency) {
        return cover.excess.negate().setScale(CollateralValuer.minorUnits(currency), RoundingMode.CEILING);
    }
}
