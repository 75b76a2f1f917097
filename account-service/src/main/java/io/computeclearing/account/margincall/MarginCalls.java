package io.computeclearing.account.margincall;

import io.computeclearing.account.account.Account;
import io.computeclearing.account.account.AccountService;
import io.computeclearing.account.cover.CoverAssessment;
import io.computeclearing.account.valuation.AccountValuation;
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
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Margin calls, from one snapshot per settlement cycle. At a cycle ({@link #atCycle}) a deficit opens a call for
 * {@code deficit} rounded UP to the base currency's minor unit (a call never asks for less than is missing), due by
 * {@link MarginCallDeadline}; while the call is OPEN a larger deficit at a later cycle raises its amount (same call
 * id, same deadline) and publishes MarginCallIssued again; a smaller one leaves it as it is. Between cycles
 * ({@link #review}) no call is issued or raised, so a call always reconciles with its cycle's statement: restored
 * cover settles the open call, and a deficit larger than the open call (and than the one before) is published as
 * MarginDeficitDetected for the risk team. An OPEN call past its deadline is escalated, once, with the deficit still
 * missing. Every change is published through the outbox, keyed by account id.
 */
@ApplicationScoped
public class MarginCalls extends DeadlineCalls<MarginCall> {

    private static final Logger LOG = Logger.getLogger(MarginCalls.class);

    private final Outbox outbox;
    private final AccountService accounts;
    private final Clock clock;

    public MarginCalls(Outbox outbox, AccountService accounts, MarginCallConfig config, Clock clock) {
        super(MarginCall.class, "margin call", config, clock);
        this.outbox = outbox;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * Issues, raises or settles the account's call from a settlement cycle's snapshot: the requirement at the cycle's
     * prices against the collateral after its postings. Returns the outstanding call after it (null if none). The
     * caller holds the account lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public MarginCall atCycle(Account account, String cycleId, AccountValuation snapshot) {
        String currency = snapshot.baseCurrency();
        review(MarginCall.outstanding(account.id, currency), deficit(snapshot.excess(), currency),
                "SETTLEMENT_CYCLE", () -> {
                    MarginCall call = new MarginCall();
                    call.accountId = account.id;
                    call.memberId = account.memberId;
                    call.currency = currency;
                    return call;
                }, call -> {
                    call.requirement = snapshot.marginRequirement();
                    call.collateralValue = snapshot.collateralValue();
                    call.cycleId = cycleId;
                });
        return MarginCall.outstanding(account.id, currency);
    }

    /**
     * After an assessment: restored cover settles the open call; a deficit beyond the open call's amount that grew
     * since {@code previousExcess} (null: none before) waits for the next cycle, and unless a cycle's own cash or
     * requirement caused it (that cycle's snapshot calls it) is published for the risk team. The caller holds the
     * account lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void review(Account account, CoverAssessment cover, BigDecimal previousExcess) {
        MarginCall outstanding = MarginCall.outstanding(account.id, cover.baseCurrency);
        BigDecimal deficit = deficit(cover.excess, cover.baseCurrency);
        if (deficit.signum() <= 0) {
            if (outstanding != null) {
                settle(outstanding, cover.cause.name());
            }
            return;
        }
        boolean beyondCall = outstanding == null || deficit.compareTo(outstanding.amount) > 0;
        boolean grew = previousExcess == null || cover.excess.compareTo(previousExcess) < 0;
        if (beyondCall && grew && !cover.cause.ofCycle()) {
            outbox.record(AccountEvents.MARGIN_DEFICIT_DETECTED, account.id, new AccountEvents.MarginDeficitDetected(
                    account.id, account.memberId, cover.baseCurrency, deficit, cover.requirement,
                    cover.collateralValue, cover.cause.name(), clock.instant().truncatedTo(ChronoUnit.MICROS)));
        }
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
                call.collateralValue, call.deadline, at, call.cycleId));
    }

    @Override
    protected void publishSettled(MarginCall call) {
        outbox.record(AccountEvents.MARGIN_CALL_SETTLED, call.accountId, new AccountEvents.MarginCallSettled(
                call.id.toString(), call.accountId, call.memberId, call.currency, call.amount, call.settledReason,
                call.settledAt));
    }

    /** A call issued at an intraday cycle has the intraday time to meet; at the end-of-day cycle, the morning rule. */
    @Override
    protected Instant dueFor(MarginCall call, MarginCallDeadline deadlines) {
        return call.cycleId != null && call.cycleId.contains("/INTRADAY-") ? deadlines.dueForIntraday(call.issuedAt)
                : deadlines.dueFor(call.issuedAt);
    }

    @Override
    protected void lock(MarginCall call) {
        accounts.lock(call.accountId);
    }

    @Override
    protected BigDecimal missing(MarginCall call) {
        CoverAssessment cover = CoverAssessment.findById(call.accountId);
        return cover == null ? BigDecimal.ZERO : deficit(cover.excess, call.currency);
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
    private static BigDecimal deficit(BigDecimal excess, String currency) {
        return excess.negate().setScale(CollateralValuer.minorUnits(currency), RoundingMode.CEILING);
    }
}
