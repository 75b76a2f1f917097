package io.computeclearing.account.settlement;

import io.computeclearing.account.account.Account;
import io.computeclearing.account.cover.CoverAssessment;
import io.computeclearing.account.cover.CoverAssessments;
import io.computeclearing.account.ledger.JournalEntry;
import io.computeclearing.account.ledger.JournalPosting.Book;
import io.computeclearing.account.ledger.JournalPosting;
import io.computeclearing.account.valuation.Asset;
import io.computeclearing.account.valuation.CollateralValuer;
import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.events.settlement.SettlementEvents.SettlementCashPosted;
import io.computeclearing.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Books settlement-service's cash postings (variation margin and final settlement) into the collateral journal: the
 * account's cash in the posting's currency against the CCP's settlement account ({@link Book#CCP_SETTLEMENT}), signed
 * as posted (positive: paid to the account). A debit may take the cash below zero: unpaid variation margin, owed to
 * the CCP, which counts in full against the account's collateral. Each {@code postingId} is booked once, whatever
 * event carries it. A posting that breaks the contract (unknown account, wrong member, bad currency or scale, or a
 * posting id already booked with other content) is refused with an exception, so that the consumer parks it (and the
 * account's later postings) rather than lose or double-book cash.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SettlementCash {

    /** What became of a posting. */
    public enum Outcome { BOOKED, ZERO, ALREADY_BOOKED }

    /** Who the journal records as having made the entry. */
    public static final String BOOKED_BY = "settlement-service";

    private static final Set<String> KINDS = Set.of("VARIATION_MARGIN", "FINAL_SETTLEMENT");
    private static final Logger LOG = Logger.getLogger(SettlementCash.class);

    private final Outbox outbox;
    private final CoverAssessments cover;
    private final Clock clock;

    public SettlementCash(Outbox outbox, CoverAssessments cover, Clock clock) {
        this.outbox = outbox;
        this.cover = cover;
        this.clock = clock;
    }

    public Outcome book(UUID eventId, SettlementCashPosted posted) {
        requireContract(posted);
        Account account = Account.findById(posted.accountId(), LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw new IllegalStateException("settlement posting " + posted.postingId() + " is for unknown account "
                    + posted.accountId());
        }
        if (!account.memberId.equals(posted.memberId())) {
            throw new IllegalStateException("settlement posting " + posted.postingId() + " names member "
                    + posted.memberId() + " but account " + account.id + " belongs to " + account.memberId);
        }
        BigDecimal amount = posted.amount().setScale(CollateralValuer.minorUnits(posted.currency()));
        SettlementPosting booked = SettlementPosting.findById(posted.postingId());
        if (booked != null) {
            requireSame(booked, posted, amount);
            LOG.infof("settlement posting %s already booked from event %s; event %s ignored", posted.postingId(),
                    booked.eventId, eventId);
            return Outcome.ALREADY_BOOKED;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        SettlementPosting posting = new SettlementPosting();
        posting.postingId = posted.postingId();
        posting.eventId = eventId;
        posting.kind = posted.kind();
        posting.businessDate = posted.businessDate();
        posting.accountId = account.id;
        posting.currency = posted.currency();
        posting.amount = amount;
        posting.postedAt = posted.postedAt() == null ? now : posted.postedAt().truncatedTo(ChronoUnit.MICROS);
        posting.bookedAt = now;
        if (amount.signum() == 0) {
            posting.persist();
            return Outcome.ZERO;
        }
        JournalEntry entry = journal(account, posting);
        posting.entryId = entry.id;
        posting.persist();
        String direction = amount.signum() > 0 ? "_RECEIVED" : "_PAID";
        outbox.record(AccountEvents.COLLATERAL_MOVEMENT_RECORDED, account.id,
                new AccountEvents.CollateralMovementRecorded(entry.id.toString(), account.id, account.memberId,
                        posted.kind() + direction, posted.currency(), amount.abs(), entry.createdAt));
        cover.assess(account, CoverAssessment.Cause.SETTLEMENT_CASH);
        return Outcome.BOOKED;
    }

    private JournalEntry journal(Account account, SettlementPosting posting) {
        Asset cash = Asset.cash(posting.currency);
        return JournalEntry.book(JournalEntry.Kind.valueOf(posting.kind), account.id, null,
                "settlement:" + posting.postingId, fingerprint(posting), posting.kind + " " + posting.businessDate
                        + " " + posting.currency + " (settlement posting " + posting.postingId + ")",
                BOOKED_BY, posting.bookedAt, List.of(
                        JournalPosting.of(Book.MEMBER_COLLATERAL, account.id, cash, posting.amount),
                        JournalPosting.of(Book.CCP_SETTLEMENT, null, cash, posting.amount.negate())));
    }

    private static void requireContract(SettlementCashPosted posted) {
        if (posted.postingId() == null || posted.postingId().isBlank() || posted.postingId().length() > 180
                || posted.accountId() == null || posted.memberId() == null || posted.businessDate() == null
                || posted.amount() == null || posted.currency() == null) {
            throw new IllegalStateException("settlement posting " + posted.postingId() + " lacks postingId, "
                    + "accountId, memberId, businessDate, currency or amount");
        }
        if (!KINDS.contains(posted.kind())) {
            throw new IllegalStateException("settlement posting " + posted.postingId() + " has unknown kind "
                    + posted.kind());
        }
        int decimals;
        try {
            decimals = CollateralValuer.minorUnits(posted.currency());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("settlement posting " + posted.postingId() + " has currency "
                    + posted.currency() + ", not an ISO 4217 code");
        }
        if (posted.amount().stripTrailingZeros().scale() > decimals) {
            throw new IllegalStateException("settlement posting " + posted.postingId() + " amount "
                    + posted.amount().toPlainString() + " has more than " + decimals + " decimals");
        }
    }

    private static void requireSame(SettlementPosting booked, SettlementCashPosted posted, BigDecimal amount) {
        if (!booked.accountId.equals(posted.accountId()) || !booked.kind.equals(posted.kind())
                || !booked.currency.equals(posted.currency()) || !booked.businessDate.equals(posted.businessDate())
                || booked.amount.compareTo(amount) != 0) {
            throw new IllegalStateException("settlement posting " + posted.postingId() + " was booked as "
                    + booked.kind + " " + booked.currency + " " + booked.amount.toPlainString() + " on "
                    + booked.accountId + " and arrived again as " + posted.kind() + " " + posted.currency() + " "
                    + amount.toPlainString() + " on " + posted.accountId() + "; a changed posting needs a new id");
        }
    }

    /** SHA-256 of the posting's canonical form, as the journal keeps for every entry. */
    private static String fingerprint(SettlementPosting posting) {
        return JournalEntry.fingerprint(posting.kind, posting.businessDate.toString(), posting.currency,
                posting.amount.stripTrailingZeros().toPlainString(), posting.postingId);
    }
}
