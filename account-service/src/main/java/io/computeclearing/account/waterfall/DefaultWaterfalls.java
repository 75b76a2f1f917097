package io.computeclearing.account.waterfall;

import io.computeclearing.account.account.Account;
import io.computeclearing.account.account.AccountService;
import io.computeclearing.account.cover.CoverAssessment;
import io.computeclearing.account.cover.CoverAssessments;
import io.computeclearing.account.defaultfund.ContributionCalls;
import io.computeclearing.account.defaultfund.DefaultFundConfig;
import io.computeclearing.account.defaultfund.DefaultFundPosition;
import io.computeclearing.account.ledger.JournalPosting;
import io.computeclearing.account.ledger.JournalPosting.Book;
import io.computeclearing.account.member.ClearingMember;
import io.computeclearing.account.member.DefaultCase;
import io.computeclearing.account.requirement.MarginRequirement;
import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.money.DefaultWaterfall;
import io.computeclearing.platform.money.DefaultWaterfall.Allocation;
import io.computeclearing.platform.money.DefaultWaterfall.Layer;
import io.computeclearing.platform.money.DefaultWaterfall.Resources;
import io.computeclearing.platform.money.DefaultWaterfall.Survivor;
import io.computeclearing.platform.money.MinorUnits;
import io.computeclearing.platform.outbox.Outbox;
import io.computeclearing.platform.persistence.KeyLock;
import io.computeclearing.platform.problem.ProblemException;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies the default waterfall to a defaulter's close-out loss, once per default, as journal entries exact to the
 * cent ({@link WaterfallJournal} gives them). Once default management has closed out the defaulter's positions (every
 * account margined at zero), the loss is the defaulter's house cash at the default that the close-out consumed and what its accounts
 * still owe in the fund's currency ({@link DefaulterCash}); the
 * platform's {@link DefaultWaterfall} shares it over the defaulter's house cash, its contribution, what is left of the
 * CCP's tranche ({@code ccp.default-fund.ccp-tranche} less earlier waterfalls' draws), the survivors' contributions
 * and their assessments ({@code ccp.default-fund.assessment-multiple}); what the layers bear covers the accounts that
 * owe, in account id order. The waterfall is recorded ({@link AppliedWaterfall}) and published
 * ({@code DefaultWaterfallApplied}), the accounts touched are assessed again, and each survivor whose contribution
 * fell below its requirement is called to replenish it (its assessment included), all in one transaction.
 * <p>
 * Known limits: only cash in the fund's currency takes part. The defaulter's securities and other currencies are not
 * used, and what its accounts owe in other currencies is listed ({@code otherCurrencies}), not covered; a contribution
 * the defaulter itself owes (held below zero after an earlier assessment) stays owed on its fund position; cash
 * settled on its accounts after the waterfall is not covered, as a default has one waterfall.
 * <p>
 * Waterfalls take turns (each sees the tranche the previous one left), and lock the defaulter, its accounts and the
 * survivors, so that no movement, requirement or contribution slips in between what is read and what is booked.
 */
@Startup
@ApplicationScoped
@Transactional
public class DefaultWaterfalls {

    /** The cause of the contribution calls that follow a waterfall. */
    private static final String REPLENISHMENT = "REPLENISHMENT";

    /** Amounts stay below 10^15, as every cash amount of the journal (docs/api.md#bounds). */
    private static final BigDecimal LIMIT = BigDecimal.TEN.pow(15);

    private final String currency;
    private final MinorUnits units;
    private final BigDecimal ccpTranche;
    private final BigDecimal assessmentMultiple;
    private final AccountService accounts;
    private final CoverAssessments cover;
    private final ContributionCalls calls;
    private final Outbox outbox;
    private final Clock clock;

    public DefaultWaterfalls(DefaultFundConfig config, AccountService accounts, CoverAssessments cover,
                             ContributionCalls calls, Outbox outbox, Clock clock) {
        this.currency = config.currency();
        try {
            this.units = new MinorUnits(Currency.getInstance(currency));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ccp.default-fund.currency: " + currency + " is not an ISO 4217 code");
        }
        this.ccpTranche = units.amount(units.of(requireConfigured("ccp.default-fund.ccp-tranche",
                config.ccpTranche()), "ccp.default-fund.ccp-tranche"));
        this.assessmentMultiple = requireConfigured("ccp.default-fund.assessment-multiple",
                config.assessmentMultiple());
        this.accounts = accounts;
        this.cover = cover;
        this.calls = calls;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Applies the waterfall of the member's default, by {@code appliedBy}. Refused, with nothing written: an unknown
     * member (404), a member not DEFAULTED, a default whose waterfall was applied, a close-out not complete (409).
     */
    public AccountEvents.DefaultWaterfallApplied apply(String memberId, String appliedBy) {
        KeyLock.hold(ClearingMember.getEntityManager(), "default_waterfall", "ccp-tranche");
        ClearingMember defaulter = ClearingMember.findById(memberId, LockModeType.PESSIMISTIC_WRITE);
        DefaultCase defaultCase = defaultCase(defaulter, memberId);
        AppliedWaterfall applied = AppliedWaterfall.ofDefault(defaultCase.defaultId);
        if (applied != null) {
            throw ProblemException.conflict("waterfall-applied", "Default waterfall applied", "the default "
                    + "waterfall of default " + defaultCase.defaultId + " of member '" + memberId + "' was applied at "
                    + applied.appliedAt + " by " + applied.appliedBy + "; it is applied once per default (GET "
                    + "/members/" + memberId + "/default-waterfall shows it)");
        }
        List<Account> owned = accounts.list(memberId).stream().map(account -> accounts.lock(account.id)).toList();
        requireClosedOut(memberId, owned);
        DefaulterCash cash = DefaulterCash.of(owned, defaultCase.houseCash, units);
        List<Survivor> survivors = lockSurvivors(memberId);
        Allocation allocation = new DefaultWaterfall(units.currency()).allocate(cash.loss(), new Resources(
                cash.collateral(), DefaultFundPosition.of(memberId, currency).held().max(zero()), trancheLeft(),
                survivors, assessmentMultiple));

        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        WaterfallJournal journal = new WaterfallJournal(outbox, defaultCase, currency, appliedBy, now);
        Set<Account> touched = journal.book(allocation, cash);
        JournalPosting.getEntityManager().flush();

        AccountEvents.DefaultWaterfallApplied published = record(defaultCase, allocation, cash, journal, appliedBy,
                now).toEvent();
        outbox.record(AccountEvents.DEFAULT_WATERFALL_APPLIED, memberId, published);
        touched.forEach(account -> cover.assess(account, CoverAssessment.Cause.DEFAULT_WATERFALL));
        survivors.forEach(survivor ->
                calls.review(DefaultFundPosition.of(survivor.memberId(), currency), REPLENISHMENT));
        return published;
    }

    /** The waterfall applied for the member's default; 404 if the member is unknown or none was applied. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AccountEvents.DefaultWaterfallApplied get(String memberId) {
        ClearingMember member = ClearingMember.findById(memberId);
        if (member == null) {
            throw ProblemException.notFound("member", memberId);
        }
        DefaultCase defaultCase = DefaultCase.of(memberId);
        AppliedWaterfall applied = defaultCase == null ? null : AppliedWaterfall.ofDefault(defaultCase.defaultId);
        if (applied == null) {
            throw new ProblemException(404, "not-found", "Default waterfall not found", "no default waterfall has "
                    + "been applied for member '" + memberId + "'" + (defaultCase == null ? ", which is not in default"
                    : " (default " + defaultCase.defaultId + ")"), List.of());
        }
        return applied.toEvent();
    }

    /** The defaulter's default case; refuses an unknown member (404) and one not DEFAULTED (409). */
    private static DefaultCase defaultCase(ClearingMember defaulter, String memberId) {
        if (defaulter == null) {
            throw ProblemException.notFound("member", memberId);
        }
        if (defaulter.status != ClearingMember.Status.DEFAULTED) {
            throw ProblemException.conflict("member-not-defaulted", "Member not in default", "member '" + memberId
                    + "' is " + defaulter.status + ": the default waterfall covers only a DEFAULTED member's "
                    + "close-out loss");
        }
        DefaultCase defaultCase = DefaultCase.of(memberId);
        if (defaultCase == null) {
            // every default since V10 records its case, and V10 recorded the earlier ones from their status reason
            throw new IllegalStateException("member " + memberId + " is DEFAULTED without a default case ("
                    + defaulter.statusReason + ")");
        }
        return defaultCase;
    }

    /**
     * The close-out is complete when margin-service requires nothing of any of the defaulter's accounts: every
     * position closed out (ported, hedged or auctioned), so the variation margin that followed is its last.
     */
    private static void requireClosedOut(String memberId, List<Account> owned) {
        List<String> margined = new ArrayList<>();
        for (Account account : owned) {
            MarginRequirement requirement = MarginRequirement.findById(account.id);
            if (requirement == null) {
                continue;
            }
            String lines = requirement.lines.stream()
                    .filter(line -> line.initialMargin.signum() != 0 || line.maintenanceMargin.signum() != 0)
                    .map(line -> line.currency + " " + line.initialMargin.toPlainString())
                    .collect(Collectors.joining(", "));
            if (!lines.isEmpty()) {
                margined.add(account.id + " (initial margin " + lines + ")");
            }
        }
        if (!margined.isEmpty()) {
            throw ProblemException.conflict("close-out-incomplete", "Close-out incomplete", "member '" + memberId
                    + "' still has margined accounts: " + String.join("; ", margined) + ". The default waterfall "
                    + "waits until default management has closed out every position and margin-service requires "
                    + "zero of every account");
        }
    }

    /**
     * Every other member, not DEFAULTED, holding a positive contribution, locked in id order (as two waterfalls or a
     * waterfall and a contribution lock them) and read again under the lock.
     */
    private List<Survivor> lockSurvivors(String defaulterId) {
        List<String> candidates = JournalPosting.getEntityManager().createQuery("""
                        select p.memberId from JournalPosting p
                        where p.book = :book and p.asset = :currency and p.memberId <> :defaulter
                        group by p.memberId having sum(p.quantity) > 0
                        order by p.memberId""", String.class)
                .setParameter("book", Book.DEFAULT_FUND)
                .setParameter("currency", currency)
                .setParameter("defaulter", defaulterId)
                .getResultList();
        List<Survivor> survivors = new ArrayList<>();
        for (String candidate : candidates) {
            ClearingMember member = ClearingMember.findById(candidate, LockModeType.PESSIMISTIC_WRITE);
            BigDecimal held = DefaultFundPosition.of(candidate, currency).held();
            if (member.status != ClearingMember.Status.DEFAULTED && held.signum() > 0) {
                survivors.add(new Survivor(candidate, held));
            }
        }
        return survivors;
    }

    /** The configured tranche less what earlier waterfalls drew from it (book CCP_OWN_FUNDS), never below zero. */
    private BigDecimal trancheLeft() {
        BigDecimal drawn = JournalPosting.total(Book.CCP_OWN_FUNDS, currency).negate();
        return ccpTranche.subtract(drawn).max(zero());
    }

    private AppliedWaterfall record(DefaultCase defaultCase, Allocation allocation, DefaulterCash cash,
                                    WaterfallJournal journal, String appliedBy, Instant at) {
        AppliedWaterfall applied = new AppliedWaterfall();
        applied.defaultId = defaultCase.defaultId;
        applied.memberId = defaultCase.memberId;
        applied.currency = currency;
        applied.loss = allocation.loss();
        applied.defaulterCollateral = allocation.byLayer().get(Layer.DEFAULTER_COLLATERAL);
        applied.defaulterContribution = allocation.byLayer().get(Layer.DEFAULTER_CONTRIBUTION);
        applied.ccpTranche = allocation.byLayer().get(Layer.CCP_TRANCHE);
        applied.survivorContributions = allocation.byLayer().get(Layer.SURVIVOR_CONTRIBUTIONS);
        applied.survivorAssessments = allocation.byLayer().get(Layer.SURVIVOR_ASSESSMENTS);
        applied.uncovered = allocation.uncovered();
        allocation.survivors().stream()
                .filter(charge -> charge.fromContribution().signum() != 0 || charge.assessed().signum() != 0)
                .forEach(charge -> applied.survivors.add(AppliedWaterfall.Survivor.of(charge.memberId(),
                        charge.fromContribution(), charge.assessed())));
        cash.otherCurrencies().forEach(owed -> applied.otherCurrencies.add(AppliedWaterfall.Owed.of(owed.currency(),
                owed.amount())));
        applied.entryIds.addAll(journal.entryIds());
        applied.appliedBy = appliedBy;
        applied.appliedAt = at;
        applied.persist();
        return applied;
    }

    private BigDecimal zero() {
        return units.amount(BigInteger.ZERO);
    }

    /** A configured amount: present, zero or more, below 10^15; a wrong one stops the service at start-up. */
    private static BigDecimal requireConfigured(String key, BigDecimal value) {
        if (value == null || value.signum() < 0 || value.compareTo(LIMIT) >= 0) {
            throw new IllegalStateException(key + " must be zero or more and below 10^15, was " + value);
        }
        return value;
    }
}
