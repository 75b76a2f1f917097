package io.computeclearing.account.member;

import io.computeclearing.account.account.Account;
import io.computeclearing.account.defaultfund.DefaultFundConfig;
import io.computeclearing.account.ledger.JournalPosting;
import io.computeclearing.account.valuation.Asset;
import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.events.risk.RiskEvents.MemberDefaultDeclared;
import io.computeclearing.platform.outbox.Outbox;
import io.computeclearing.platform.persistence.DuplicateKey;
import io.computeclearing.platform.persistence.KeyLock;
import io.computeclearing.platform.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Admits, suspends and reinstates clearing members, and marks them defaulted; each change is published with it. */
@ApplicationScoped
@Transactional
public class MemberService {

    /** What applying a declared default did. */
    public enum DefaultOutcome { DEFAULTED, ALREADY_DEFAULTED }

    /** The length of {@code clearing_member.status_reason}. */
    private static final int STATUS_REASON_LENGTH = 500;

    private final Outbox outbox;
    private final Clock clock;
    private final String fundCurrency;

    public MemberService(Outbox outbox, Clock clock, DefaultFundConfig fund) {
        this.outbox = outbox;
        this.clock = clock;
        this.fundCurrency = fund.currency();
    }

    public ClearingMember register(String id, String legalName, String lei, ClearingMember.MembershipType type,
                                   String parentMemberId) {
        if (!LegalEntityIdentifier.isValid(lei)) {
            throw ProblemException.invalid("lei", "check digits do not match (ISO 17442, ISO 7064 MOD 97-10): "
                    + "look for a mistyped character");
        }
        // Simultaneous registrations of one id take turns, so the later ones see it exists, as sequential ones do
        // (the same id usually comes with the same LEI, and PostgreSQL may report either key).
        KeyLock.hold(ClearingMember.getEntityManager(), "clearing_member", id);
        if (ClearingMember.findById(id) != null) {
            throw ProblemException.conflict("member-exists", "Member already exists", "member '" + id + "' already exists");
        }
        if (ClearingMember.count("lei", lei) > 0) {
            throw ProblemException.conflict("lei-in-use", "LEI already registered",
                    "LEI " + lei + " is already registered to another member");
        }
        if (parentMemberId != null) {
            // a new member has no affiliates yet, so naming an existing parent other than itself makes no loop
            requireNotItself(id, parentMemberId);
            requireExisting(parentMemberId);
        }
        ClearingMember member = new ClearingMember();
        member.id = id;
        member.legalName = legalName;
        member.lei = lei;
        member.membershipType = type;
        member.parentMemberId = parentMemberId;
        member.status = ClearingMember.Status.ACTIVE;
        member.createdAt = member.updatedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        member.persist();
        // Another id registered with this LEI at the same moment answers as a sequential one would.
        DuplicateKey.flush(ClearingMember.getEntityManager(), constraint -> ProblemException.conflict("lei-in-use",
                "LEI already registered", "LEI " + lei + " is already registered to another member"));
        outbox.record(AccountEvents.MEMBER_REGISTERED, id, new AccountEvents.MemberRegistered(
                id, legalName, lei, type.name(), member.status.name(), parentMemberId));
        return member;
    }

    /** A suspended member may open no account and withdraw no collateral; deposits are still accepted. */
    public ClearingMember suspend(String id, String reason) {
        return changeStatus(id, ClearingMember.Status.SUSPENDED, reason);
    }

    public ClearingMember reinstate(String id, String reason) {
        return changeStatus(id, ClearingMember.Status.ACTIVE, reason);
    }

    /**
     * Marks the member DEFAULTED on risk-service's declaration (proposed and approved there by two different people),
     * whether it was ACTIVE or SUSPENDED, and publishes {@code MemberStatusChanged} DEFAULTED with the default's id
     * and reason, which also become the status reason: from then on its accounts take no new trades, give-ups or
     * withdrawals. A member already DEFAULTED stays as it is, with its first default's reason, and nothing is
     * published, so a second declaration changes nothing. The default's id is kept as the member's
     * {@link DefaultCase}, which the default waterfall is applied under. A declaration without member or reason, of
     * a member that does not exist, or under a default id already declared of another member, throws: the consumer
     * parks it.
     */
    public DefaultOutcome declareDefault(MemberDefaultDeclared declared) {
        if (declared.memberId() == null || declared.reason() == null || declared.reason().isBlank()) {
            throw new IllegalArgumentException("a declared default names its member and reason, was " + declared);
        }
        ClearingMember member = ClearingMember.findById(declared.memberId(), LockModeType.PESSIMISTIC_WRITE);
        if (member == null) {
            throw new IllegalArgumentException("default " + declared.defaultId() + " was declared of unknown member '"
                    + declared.memberId() + "'");
        }
        if (member.status == ClearingMember.Status.DEFAULTED) {
            return DefaultOutcome.ALREADY_DEFAULTED;
        }
        DefaultCase taken = DefaultCase.findById(declared.defaultId());
        if (taken != null) {
            throw new IllegalArgumentException("default " + declared.defaultId() + " was declared of member '"
                    + declared.memberId() + "', but that default id is member '" + taken.memberId + "''s");
        }
        setStatus(member, ClearingMember.Status.DEFAULTED, defaultReason(declared));
        DefaultCase declaredCase = new DefaultCase();
        declaredCase.defaultId = declared.defaultId();
        declaredCase.memberId = member.id;
        declaredCase.declaredAt = declared.declaredAt() == null ? member.updatedAt
                : declared.declaredAt().truncatedTo(ChronoUnit.MICROS);
        declaredCase.recordedAt = member.updatedAt;
        declaredCase.houseCash = houseCash(member.id);
        declaredCase.persist();
        return DefaultOutcome.DEFAULTED;
    }

    /** What the member's house accounts hold in cash of the fund's currency, each account's balance when positive. */
    private BigDecimal houseCash(String memberId) {
        return JournalPosting.getEntityManager().createQuery("""
                        select sum(p.quantity) from JournalPosting p, Account a
                        where a.id = p.accountId and a.memberId = :member and a.type = :house
                          and p.book = :book and p.assetClass = :cash and p.asset = :currency
                        group by p.accountId""", BigDecimal.class)
                .setParameter("member", memberId)
                .setParameter("house", Account.Type.HOUSE)
                .setParameter("book", JournalPosting.Book.MEMBER_COLLATERAL)
                .setParameter("cash", Asset.AssetClass.CASH)
                .setParameter("currency", fundCurrency)
                .getResultStream()
                .filter(balance -> balance.signum() > 0)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * {@code default <id>: <reason> (<detail>)}, as the status reason and the published event carry it, cut to the
     * status reason's 500 characters (a long detail loses its end; the default's id and reason come first).
     */
    private static String defaultReason(MemberDefaultDeclared declared) {
        String detail = declared.detail() == null || declared.detail().isBlank() ? ""
                : " (" + declared.detail().strip() + ")";
        String reason = "default " + declared.defaultId() + ": " + declared.reason().strip() + detail;
        return reason.length() <= STATUS_REASON_LENGTH ? reason
                : reason.substring(0, STATUS_REASON_LENGTH - 3) + "...";
    }

    /**
     * Names the member's parent (null: none). The same parent again changes nothing and publishes nothing. Changes
     * of affiliation take turns, so two simultaneous ones cannot close a loop that neither sees alone.
     */
    public ClearingMember changeParent(String id, String parentMemberId) {
        KeyLock.hold(ClearingMember.getEntityManager(), "member_affiliation", "all");
        ClearingMember member = ClearingMember.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (member == null) {
            throw ProblemException.notFound("member", id);
        }
        if (Objects.equals(member.parentMemberId, parentMemberId)) {
            return member;
        }
        if (parentMemberId != null) {
            requireNotItself(id, parentMemberId);
            requireExisting(parentMemberId);
            requireNoLoop(id, parentMemberId);
        }
        member.parentMemberId = parentMemberId;
        member.updatedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        outbox.record(AccountEvents.MEMBER_AFFILIATION_CHANGED, id,
                new AccountEvents.MemberAffiliationChanged(id, parentMemberId, member.updatedAt));
        return member;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ClearingMember get(String id) {
        ClearingMember member = ClearingMember.findById(id);
        if (member == null) {
            throw ProblemException.notFound("member", id);
        }
        return member;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ClearingMember> list() {
        return ClearingMember.listAll(Sort.by("id"));
    }

    private static void requireNotItself(String id, String parentMemberId) {
        if (id.equals(parentMemberId)) {
            throw ProblemException.refused("affiliation-cycle", "Affiliation cycle",
                    "member '" + id + "' cannot be its own parent");
        }
    }

    private static void requireExisting(String parentMemberId) {
        if (ClearingMember.findById(parentMemberId) == null) {
            throw ProblemException.refused("unknown-member", "Unknown member",
                    "parent member '" + parentMemberId + "' does not exist; register it first");
        }
    }

    /** Walks up from the new parent: meeting the member itself would close a loop. */
    private static void requireNoLoop(String id, String parentMemberId) {
        Set<String> seen = new HashSet<>();
        for (String ancestor = parentMemberId; ancestor != null && seen.add(ancestor);
             ancestor = ClearingMember.<ClearingMember>findById(ancestor).parentMemberId) {
            if (ancestor.equals(id)) {
                throw ProblemException.refused("affiliation-cycle", "Affiliation cycle",
                        "member '" + parentMemberId + "' is already affiliated below '" + id + "': naming it as '"
                                + id + "''s parent would close a loop");
            }
        }
    }

    private ClearingMember changeStatus(String id, ClearingMember.Status target, String reason) {
        ClearingMember member = ClearingMember.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (member == null) {
            throw ProblemException.notFound("member", id);
        }
        if (member.status == ClearingMember.Status.DEFAULTED) {
            throw StatusChanges.memberDefaulted(member, "it stays DEFAULTED; default management, not a suspension or "
                    + "reinstatement, decides what becomes of it");
        }
        if (member.status == target) {
            throw StatusChanges.alreadyIn("member", id, target);
        }
        setStatus(member, target, reason);
        return member;
    }

    private void setStatus(ClearingMember member, ClearingMember.Status target, String reason) {
        member.status = target;
        member.statusReason = reason;
        member.updatedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        outbox.record(AccountEvents.MEMBER_STATUS_CHANGED, member.id,
                new AccountEvents.MemberStatusChanged(member.id, target.name(), reason));
    }
}
