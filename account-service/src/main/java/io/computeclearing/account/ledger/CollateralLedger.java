package io.computeclearing.account.ledger;

import io.computeclearing.account.account.Account;
import io.computeclearing.account.account.AccountService;
import io.computeclearing.account.collateral.CollateralPolicy;
import io.computeclearing.account.collateral.CollateralSecurity;
import io.computeclearing.account.collateral.SecuritiesMaster;
import io.computeclearing.account.cover.CollateralValuation;
import io.computeclearing.account.cover.CoverAssessment;
import io.computeclearing.account.cover.CoverAssessments;
import io.computeclearing.account.ledger.JournalPosting.Book;
import io.computeclearing.account.member.ClearingMember;
import io.computeclearing.account.member.StatusChanges;
import io.computeclearing.account.valuation.Asset;
import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.outbox.Outbox;
import io.computeclearing.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Records collateral movements in the journal: each one an entry of two postings (the member's collateral and the
 * CCP's bank or custody book) that sum to zero. Movements are idempotent per account and client key: a retry with the
 * same content returns the entry already recorded, a different request under a used key is refused. Every movement
 * locks its account, so retries and concurrent withdrawals on one account are decided one after the other. Each new
 * movement has the account's cover assessed again (which may settle a margin call).
 */
@ApplicationScoped
@Transactional
public class CollateralLedger {

    /** The entry for a movement; {@code replayed} when the idempotency key had recorded it before. */
    public record Recorded(JournalEntry entry, boolean replayed) {
    }

    /** One page of an account's journal, newest entry first. */
    public record JournalPage(String accountId, int page, int size, long totalEntries, List<JournalEntry> entries) {
    }

    private final AccountService accounts;
    private final SecuritiesMaster securities;
    private final CollateralPolicy policy;
    private final CollateralValuation valuation;
    private final Outbox outbox;
    private final CoverAssessments cover;
    private final Clock clock;

    public CollateralLedger(AccountService accounts, SecuritiesMaster securities, CollateralPolicy policy,
                            CollateralValuation valuation, Outbox outbox, CoverAssessments cover, Clock clock) {
        this.accounts = accounts;
        this.securities = securities;
        this.policy = policy;
        this.valuation = valuation;
        this.outbox = outbox;
        this.cover = cover;
        this.clock = clock;
    }

    public Recorded cash(JournalEntry.Kind kind, String accountId, String idempotencyKey, String currency,
                         BigDecimal amount, String reference, String recordedBy) {
        policy.requireCurrency("currency", currency);
        BigDecimal quantity = policy.requireAmount("amount", currency, amount);
        return record(new Movement(kind, accountId, idempotencyKey, Asset.cash(currency), quantity, reference),
                recordedBy);
    }

    public Recorded security(JournalEntry.Kind kind, String accountId, String idempotencyKey, String securityId,
                             BigDecimal nominal, String reference, String recordedBy) {
        BigDecimal quantity = CollateralPolicy.requireQuantity("nominal", nominal,
                CollateralSecurity.NOMINAL_DECIMALS, "a nominal");
        securities.requireAccepted(securityId);
        return record(new Movement(kind, accountId, idempotencyKey, Asset.security(securityId), quantity, reference),
                recordedBy);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public JournalPage journal(String accountId, int page, int size) {
        PanacheQuery<JournalEntry> entries = JournalEntry.find("accountId", Sort.descending("createdAt", "id"),
                accountId);
        return new JournalPage(accountId, page, size, entries.count(), entries.page(Page.of(page, size)).list());
    }

    private Recorded record(Movement movement, String recordedBy) {
        Account account = accounts.lock(movement.accountId());
        String fingerprint = movement.fingerprint();
        JournalEntry previous = JournalEntry.<JournalEntry>find("accountId = ?1 and idempotencyKey = ?2",
                movement.accountId(), movement.idempotencyKey()).firstResult();
        if (previous != null) {
            if (previous.requestFingerprint.equals(fingerprint)) {
                return new Recorded(previous, true);
            }
            throw ProblemException.conflict("idempotency-key-reused", "Idempotency key reused",
                    "Idempotency-Key '" + movement.idempotencyKey() + "' already recorded entry " + previous.id
                            + " on account '" + account.id + "' for a different request; use a new key for a new "
                            + "movement");
        }
        if (movement.kind() == JournalEntry.Kind.WITHDRAWAL) {
            requireNotFrozen(account);
            valuation.requireWithdrawable(account, movement.asset(), movement.quantity());
        }
        BigDecimal toMember = movement.kind() == JournalEntry.Kind.DEPOSIT
                ? movement.quantity() : movement.quantity().negate();
        Book ccpBook = movement.asset().isCash() ? Book.CCP_CASH_AT_BANK : Book.CCP_SECURITIES_CUSTODY;
        JournalEntry entry = JournalEntry.book(movement.kind(), account.id, null, movement.idempotencyKey(),
                fingerprint, movement.reference(), recordedBy, clock.instant().truncatedTo(ChronoUnit.MICROS),
                List.of(JournalPosting.of(Book.MEMBER_COLLATERAL, account.id, movement.asset(), toMember),
                        JournalPosting.of(ccpBook, null, movement.asset(), toMember.negate())));
        outbox.record(AccountEvents.COLLATERAL_MOVEMENT_RECORDED, account.id,
                new AccountEvents.CollateralMovementRecorded(entry.id.toString(), account.id, account.memberId,
                        entry.kind.name(), movement.asset().code(), movement.quantity(), entry.createdAt));
        cover.assess(account, movement.kind() == JournalEntry.Kind.DEPOSIT
                ? CoverAssessment.Cause.DEPOSIT : CoverAssessment.Cause.WITHDRAWAL);
        return new Recorded(entry, false);
    }

    /**
     * Collateral of a suspended account or member stays with the CCP until reinstated; a defaulted member's for good,
     * for default management to use (the default named first, as no reinstatement will lift it).
     */
    private static void requireNotFrozen(Account account) {
        ClearingMember member = ClearingMember.findById(account.memberId);
        if (member.status == ClearingMember.Status.DEFAULTED) {
            throw StatusChanges.memberDefaulted(member, "no collateral may be withdrawn from its account '"
                    + account.id + "'; default management decides what becomes of it");
        }
        if (account.status != Account.Status.ACTIVE) {
            throw ProblemException.refused("account-suspended", "Account suspended",
                    "account '" + account.id + "' is suspended; no collateral may be withdrawn until it is reinstated");
        }
        if (member.status != ClearingMember.Status.ACTIVE) {
            throw ProblemException.refused("member-suspended", "Member suspended",
                    "member '" + member.id + "' is suspended; no collateral may be withdrawn from its accounts");
        }
    }

    /** A requested movement; its fingerprint is the SHA-256 of its canonical form (amounts without trailing zeros). */
    private record Movement(JournalEntry.Kind kind, String accountId, String idempotencyKey, Asset asset,
                            BigDecimal quantity, String reference) {

        String fingerprint() {
            return JournalEntry.fingerprint(kind, asset, quantity, reference);
        }
    }
}
