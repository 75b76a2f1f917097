package io.computeclearing.account.cycle;

import io.computeclearing.account.account.Account;
import io.computeclearing.account.cover.CollateralValuation;
import io.computeclearing.account.ledger.JournalPosting;
import io.computeclearing.account.margincall.MarginCall;
import io.computeclearing.account.margincall.MarginCalls;
import io.computeclearing.account.settlement.SettlementPosting;
import io.computeclearing.account.valuation.AccountValuation;
import io.computeclearing.account.valuation.Asset;
import io.computeclearing.account.valuation.MissingMarketData;
import io.computeclearing.platform.events.settlement.SettlementEvents.AccountCycleSettled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Margin calls from one consistent snapshot per settlement cycle. A cycle reaches this service in two halves, on two
 * topics, in either order: settlement-service's {@code AccountCycleSettled} (after the account's cash postings of the
 * cycle, so they are booked by then) and margin-service's requirement at the cycle's prices (a
 * {@code MarginRequirementCalculated} with the cycle id). When both are there the account's collateral after the
 * cycle's postings (its holdings now, less any later cycle's settlement cash) is valued against that requirement and {@link MarginCalls#atCycle} issues, raises or settles the call from it, once. A cycle
 * still waiting when a later one of the account closes is SUPERSEDED: the later snapshot decides.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SettlementCycles {

    private static final Logger LOG = Logger.getLogger(SettlementCycles.class);

    private final CollateralValuation valuation;
    private final MarginCalls calls;
    private final Clock clock;

    public SettlementCycles(CollateralValuation valuation, MarginCalls calls, Clock clock) {
        this.valuation = valuation;
        this.calls = calls;
        this.clock = clock;
    }

    /**
     * The cycle is closed for the account: its postings must all be booked (else the event is refused with an
     * exception, so that the consumer parks it behind them). A repeated event changes nothing.
     */
    public void cashSettled(UUID eventId, AccountCycleSettled closed) {
        if (closed.cycleId() == null || closed.cycleId().isBlank() || closed.cycleId().length() > 60
                || closed.accountId() == null || closed.memberId() == null || closed.businessDate() == null
                || closed.postingIds() == null) {
            throw new IllegalStateException("settlement cycle event " + eventId + " lacks cycleId (at most 60 "
                    + "characters), accountId, memberId, businessDate or postingIds");
        }
        Account account = Account.findById(closed.accountId(), LockModeType.PESSIMISTIC_WRITE);
        if (account == null || !account.memberId.equals(closed.memberId())) {
            throw new IllegalStateException("settlement cycle " + closed.cycleId() + " names account "
                    + closed.accountId() + " of member " + closed.memberId() + ", which is not an account of ours");
        }
        List<String> unbooked = closed.postingIds().stream()
                .filter(id -> SettlementPosting.findById(id) == null).toList();
        if (!unbooked.isEmpty()) {
            throw new IllegalStateException("settlement cycle " + closed.cycleId() + " of " + account.id
                    + " closed with postings not booked: " + unbooked);
        }
        SettlementCycle cycle = SettlementCycle.of(closed.cycleId(), account.id, account.memberId);
        if (cycle.cashSettledAt != null) {
            LOG.infof("settlement cycle %s of %s already closed; event %s ignored", closed.cycleId(), account.id,
                    eventId);
            return;
        }
        cycle.businessDate = closed.businessDate();
        cycle.cashSettledAt = now();
        if (!cycle.isPersistent()) {
            cycle.persist();
        }
        supersedeEarlier(cycle);
        decide(account, cycle);
    }

    /**
     * margin-service's requirement at the cycle's prices arrived; the caller holds the account lock. A later
     * calculation for the same cycle replaces an earlier one while the cycle waits; a decided cycle keeps its own.
     */
    public void requirementArrived(Account account, String cycleId, Map<String, BigDecimal> initialMargins,
                                   Instant calculatedAt) {
        SettlementCycle cycle = SettlementCycle.of(cycleId, account.id, account.memberId);
        if (cycle.status != SettlementCycle.Status.PENDING || (cycle.requirementCalculatedAt != null
                && !calculatedAt.isAfter(cycle.requirementCalculatedAt))) {
            LOG.infof("requirement for settlement cycle %s of %s calculated at %s ignored: the cycle is %s",
                    cycleId, account.id, calculatedAt, cycle.status);
            return;
        }
        cycle.initialMargins(initialMargins);
        cycle.requirementCalculatedAt = calculatedAt;
        if (!cycle.isPersistent()) {
            cycle.persist();
        }
        decide(account, cycle);
    }

    /** The account's cycles, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SettlementCycleView> ofAccount(String accountId, int page, int size) {
        return SettlementCycle.<SettlementCycle>find("key.accountId = ?1 order by businessDate desc nulls first, "
                + "cashSettledAt desc nulls first", accountId).page(page, size).stream()
                .map(SettlementCycleView::of).toList();
    }

    private void decide(Account account, SettlementCycle cycle) {
        if (!cycle.complete()) {
            return;
        }
        AccountValuation snapshot;
        try {
            snapshot = valuation.against(account, holdingsAfter(cycle), cycle.initialMargins());
        } catch (MissingMarketData e) {
            LOG.errorf("settlement cycle %s of %s cannot be valued, no call decided: %s", cycle.key.cycleId(),
                    account.id, e.getMessage());
            return;
        }
        MarginCall call = calls.atCycle(account, cycle.key.cycleId(), snapshot);
        cycle.baseCurrency = snapshot.baseCurrency();
        cycle.requirement = snapshot.marginRequirement();
        cycle.collateralValue = snapshot.collateralValue();
        cycle.excess = snapshot.excess();
        cycle.status = snapshot.excess().signum() < 0 ? SettlementCycle.Status.CALLED : SettlementCycle.Status.COVERED;
        cycle.callId = call == null ? null : call.id;
        cycle.decidedAt = now();
    }

    /**
     * The account's holdings now without the settlement cash of later cycles: postings booked after this cycle
     * closed belong to the next snapshot (margin-service's requirement may come after them). Deposits, withdrawals
     * and other movements since count: they are the member's cover now.
     */
    private static Map<Asset, BigDecimal> holdingsAfter(SettlementCycle cycle) {
        Map<Asset, BigDecimal> holdings = new HashMap<>(JournalPosting.holdings(cycle.key.accountId()));
        SettlementPosting.<SettlementPosting>list("accountId = ?1 and bookedAt > ?2 and entryId is not null",
                        cycle.key.accountId(), cycle.cashSettledAt)
                .forEach(later -> holdings.merge(Asset.cash(later.currency), later.amount.negate(), BigDecimal::add));
        return holdings;
    }

    /** Cycles of the account that closed before this one and still wait for their requirement. */
    private static void supersedeEarlier(SettlementCycle cycle) {
        List<SettlementCycle> waiting = SettlementCycle.list("key.accountId = ?1 and status = ?2 and "
                        + "cashSettledAt is not null and key.cycleId <> ?3", cycle.key.accountId(),
                SettlementCycle.Status.PENDING, cycle.key.cycleId());
        for (SettlementCycle earlier : waiting) {
            LOG.warnf("settlement cycle %s of %s superseded by %s before margin-service's requirement for it arrived",
                    earlier.key.cycleId(), earlier.key.accountId(), cycle.key.cycleId());
            earlier.status = SettlementCycle.Status.SUPERSEDED;
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
