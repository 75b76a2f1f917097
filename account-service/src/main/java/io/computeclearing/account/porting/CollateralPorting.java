package io.computeclearing.account.porting;

import io.computeclearing.account.account.Account;
import io.computeclearing.account.cover.CoverAssessment;
import io.computeclearing.account.cover.CoverAssessments;
import io.computeclearing.account.ledger.JournalEntry;
import io.computeclearing.account.ledger.JournalPosting;
import io.computeclearing.account.ledger.JournalPosting.Book;
import io.computeclearing.account.member.ClearingMember;
import io.computeclearing.account.valuation.Asset;
import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.events.clearing.ClearingEvents.PositionsTransferred;
import io.computeclearing.platform.events.risk.RiskEvents.TransferPurpose;
import io.computeclearing.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Moves a ported client account's collateral with its positions. When clearing-service has booked a default-management
 * transfer with purpose PORTING ({@code PositionsTransferred}), everything the defaulter's account holds on
 * {@link Book#MEMBER_COLLATERAL} (each currency and each security, whatever its sign) goes to the receiving account:
 * per asset a {@code PORTED_OUT} entry on the giving account (its holding {@code -x}, {@link Book#CCP_PORTING}
 * {@code +x}) and a {@code PORTED_IN} entry on the receiving one ({@code CCP_PORTING -x}, its holding {@code +x}), so
 * each account's journal shows its side and the transit book nets to zero. A balance owed (negative cash after
 * variation margin) follows the client as collateral does. This is no withdrawal: the defaulted member's freeze and
 * the excess check do not apply, as nothing leaves the CCP. Each transfer is ported once ({@link PortedTransfer}),
 * whatever event carries it; both accounts are then assessed again.
 * <p>
 * clearing-service checked the transfer before booking it, so an event that does not fit (unknown account, member not
 * defaulted, receiving account or member not active, the same transfer naming other accounts) breaks the contract: it
 * is refused with an exception, so that the consumer parks it rather than move collateral wrongly or not at all.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CollateralPorting {

    /** What became of a transfer's event. */
    public enum Outcome {
        /** The collateral moved. */
        PORTED,
        /** The giving account held nothing: the porting is recorded, without journal entries. */
        NOTHING_HELD,
        /** The transfer's collateral had moved before, from another event or an earlier delivery. */
        ALREADY_PORTED,
        /** The receiving account's copy of the event: the giving account's copy moves the collateral. */
        RECEIVING_ACCOUNTS_COPY,
        /** An AUCTION or HEDGE transfer: positions change hands, the collateral stays. */
        NOT_PORTING
    }

    /** Who the journal records as having made the entries. */
    public static final String PORTED_BY = "default-management";

    /** The longest transfer id kept ({@code ported_transfer.transfer_id}); it also fits the idempotency keys. */
    static final int TRANSFER_ID_LENGTH = 100;

    private static final Comparator<Asset> CASH_FIRST = Comparator.comparing(Asset::assetClass)
            .thenComparing(Asset::code);

    private final Outbox outbox;
    private final CoverAssessments cover;
    private final Clock clock;

    public CollateralPorting(Outbox outbox, CoverAssessments cover, Clock clock) {
        this.outbox = outbox;
        this.cover = cover;
        this.clock = clock;
    }

    public Outcome port(UUID eventId, PositionsTransferred transfer) {
        TransferPurpose purpose = requireContract(transfer);
        if (!transfer.accountId().equals(transfer.fromAccountId())) {
            return Outcome.RECEIVING_ACCOUNTS_COPY;
        }
        if (purpose != TransferPurpose.PORTING) {
            return Outcome.NOT_PORTING;
        }
        Map<String, Account> locked = lockBoth(transfer);
        Account from = locked.get(transfer.fromAccountId());
        Account to = locked.get(transfer.toAccountId());
        PortedTransfer ported = PortedTransfer.findById(transfer.transferId());
        if (ported != null) {
            requireSame(ported, transfer);
            return Outcome.ALREADY_PORTED;
        }
        requirePortable(transfer, from, to);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Map.Entry<Asset, BigDecimal>> holdings = JournalPosting.holdings(from.id).entrySet().stream()
                .filter(holding -> holding.getValue().signum() != 0)
                .sorted(Map.Entry.comparingByKey(CASH_FIRST))
                .toList();
        for (Map.Entry<Asset, BigDecimal> holding : holdings) {
            move(transfer, from, to, holding.getKey(), holding.getValue(), now);
        }
        record(eventId, transfer, holdings.size(), now);
        if (holdings.isEmpty()) {
            return Outcome.NOTHING_HELD;
        }
        cover.assess(from, CoverAssessment.Cause.PORTING);
        cover.assess(to, CoverAssessment.Cause.PORTING);
        return Outcome.PORTED;
    }

    /** The holding {@code quantity} of one asset, out of the giving account and into the receiving one. */
    private void move(PositionsTransferred transfer, Account from, Account to, Asset asset, BigDecimal quantity,
                      Instant at) {
        String prefix = "PORTING transfer " + transfer.transferId() + " of default " + transfer.defaultId();
        journal(JournalEntry.Kind.PORTED_OUT, transfer, from, asset, quantity, prefix + " to account " + to.id, at,
                List.of(JournalPosting.of(Book.MEMBER_COLLATERAL, from.id, asset, quantity.negate()),
                        JournalPosting.of(Book.CCP_PORTING, null, asset, quantity)));
        journal(JournalEntry.Kind.PORTED_IN, transfer, to, asset, quantity, prefix + " from account " + from.id, at,
                List.of(JournalPosting.of(Book.CCP_PORTING, null, asset, quantity.negate()),
                        JournalPosting.of(Book.MEMBER_COLLATERAL, to.id, asset, quantity)));
    }

    /**
     * One account's side of the move, published as {@code CollateralMovementRecorded}: {@code PORTED_OUT} or
     * {@code PORTED_IN} with the quantity of collateral; for a balance owed {@code DEBIT_PORTED_OUT} or
     * {@code DEBIT_PORTED_IN} with the amount owed (the event's quantity is never negative).
     */
    private void journal(JournalEntry.Kind kind, PositionsTransferred transfer, Account account, Asset asset,
                         BigDecimal quantity, String reference, Instant at, List<JournalPosting> postings) {
        JournalEntry entry = JournalEntry.book(kind, account.id, null,
                "porting:" + transfer.transferId() + ":" + asset.assetClass() + ":" + asset.code(),
                JournalEntry.fingerprint(kind, asset, quantity, reference), reference, PORTED_BY, at, postings);
        String movement = (quantity.signum() < 0 ? "DEBIT_" : "") + kind.name();
        outbox.record(AccountEvents.COLLATERAL_MOVEMENT_RECORDED, account.id,
                new AccountEvents.CollateralMovementRecorded(entry.id.toString(), account.id, account.memberId,
                        movement, asset.code(), quantity.abs(), at));
    }

    private static void record(UUID eventId, PositionsTransferred transfer, int assetsMoved, Instant at) {
        PortedTransfer ported = new PortedTransfer();
        ported.transferId = transfer.transferId();
        ported.eventId = eventId;
        ported.defaultId = transfer.defaultId();
        ported.fromAccountId = transfer.fromAccountId();
        ported.toAccountId = transfer.toAccountId();
        ported.assetsMoved = assetsMoved;
        ported.portedAt = at;
        ported.persist();
    }

    /** Both accounts locked, in id order so that two portings between the same accounts cannot deadlock. */
    private static Map<String, Account> lockBoth(PositionsTransferred transfer) {
        Map<String, Account> locked = new HashMap<>();
        Stream.of(transfer.fromAccountId(), transfer.toAccountId()).sorted().forEach(id -> {
            Account account = Account.findById(id, LockModeType.PESSIMISTIC_WRITE);
            if (account == null) {
                throw refused(transfer, "names unknown account " + id);
            }
            locked.put(id, account);
        });
        return locked;
    }

    /** The event's fields are there and make sense; returns its purpose. */
    private static TransferPurpose requireContract(PositionsTransferred transfer) {
        if (transfer.transferId() == null || transfer.transferId().isBlank()
                || transfer.transferId().length() > TRANSFER_ID_LENGTH) {
            throw new IllegalStateException("a position transfer needs a transferId of 1 to " + TRANSFER_ID_LENGTH
                    + " characters, was " + transfer.transferId());
        }
        if (transfer.purpose() == null || transfer.fromAccountId() == null || transfer.fromMemberId() == null
                || transfer.toAccountId() == null || transfer.toMemberId() == null || transfer.accountId() == null) {
            throw refused(transfer, "lacks purpose, fromAccountId, fromMemberId, toAccountId, toMemberId or "
                    + "accountId");
        }
        if (transfer.fromAccountId().equals(transfer.toAccountId())) {
            throw refused(transfer, "gives account " + transfer.fromAccountId() + " to itself");
        }
        if (!transfer.accountId().equals(transfer.fromAccountId())
                && !transfer.accountId().equals(transfer.toAccountId())) {
            throw refused(transfer, "is keyed by account " + transfer.accountId() + ", neither of its two accounts");
        }
        try {
            return TransferPurpose.valueOf(transfer.purpose());
        } catch (IllegalArgumentException e) {
            throw refused(transfer, "has unknown purpose " + transfer.purpose());
        }
    }

    /** The accounts are the members' named; the giver's member is DEFAULTED, the receiver and its member ACTIVE. */
    private static void requirePortable(PositionsTransferred transfer, Account from, Account to) {
        if (!from.memberId.equals(transfer.fromMemberId()) || !to.memberId.equals(transfer.toMemberId())) {
            throw refused(transfer, "names members " + transfer.fromMemberId() + " and " + transfer.toMemberId()
                    + ", but account " + from.id + " belongs to " + from.memberId + " and account " + to.id + " to "
                    + to.memberId);
        }
        ClearingMember giver = ClearingMember.findById(from.memberId);
        if (giver.status != ClearingMember.Status.DEFAULTED) {
            throw refused(transfer, "ports account " + from.id + " of member " + giver.id + ", which is "
                    + giver.status + ", not DEFAULTED");
        }
        ClearingMember receiver = ClearingMember.findById(to.memberId);
        if (to.status != Account.Status.ACTIVE || receiver.status != ClearingMember.Status.ACTIVE) {
            throw refused(transfer, "ports into account " + to.id + " (" + to.status + ") of member " + receiver.id
                    + " (" + receiver.status + "); both must be ACTIVE");
        }
    }

    private static void requireSame(PortedTransfer ported, PositionsTransferred transfer) {
        if (!ported.fromAccountId.equals(transfer.fromAccountId())
                || !ported.toAccountId.equals(transfer.toAccountId()) || ported.defaultId != transfer.defaultId()) {
            throw refused(transfer, "was ported from account " + ported.fromAccountId + " to account "
                    + ported.toAccountId + " under default " + ported.defaultId + " and arrived again from account "
                    + transfer.fromAccountId() + " to account " + transfer.toAccountId() + " under default "
                    + transfer.defaultId() + "; a changed transfer needs a new id");
        }
    }

    private static IllegalStateException refused(PositionsTransferred transfer, String why) {
        return new IllegalStateException("position transfer " + transfer.transferId() + " " + why);
    }
}
