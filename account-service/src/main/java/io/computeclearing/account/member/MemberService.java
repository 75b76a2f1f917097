package io.computeclearing.account.member;

import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.outbox.Outbox;
import io.computeclearing.platform.persistence.DuplicateKey;
import io.computeclearing.platform.persistence.KeyLock;
import io.computeclearing.platform.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Admits, suspends and reinstates clearing members; each change is published with it. */
@ApplicationScoped
@Transactional
public class MemberService {

    private final Outbox outbox;
    private final Clock clock;

    public MemberService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
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
        if (member.status == target) {
            throw StatusChanges.alreadyIn("member", id, target);
        }
        member.status = target;
        member.statusReason = reason;
        member.updatedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        outbox.record(AccountEvents.MEMBER_STATUS_CHANGED, id,
                new AccountEvents.MemberStatusChanged(id, target.name(), reason));
        return member;
    }
}
