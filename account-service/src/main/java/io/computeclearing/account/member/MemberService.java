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
import java.util.List;

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

    public ClearingMember register(String id, String legalName, String lei, ClearingMember.MembershipType type) {
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
        ClearingMember member = new ClearingMember();
        member.id = id;
        member.legalName = legalName;
        member.lei = lei;
        member.membershipType = type;
        member.status = ClearingMember.Status.ACTIVE;
        member.createdAt = member.updatedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        member.persist();
        // Another id registered with this LEI at the same moment answers as a sequential one would.
        DuplicateKey.flush(ClearingMember.getEntityManager(), constraint -> ProblemException.conflict("lei-in-use",
                "LEI already registered", "LEI " + lei + " is already registered to another member"));
        outbox.record(AccountEvents.MEMBER_REGISTERED, id, new AccountEvents.MemberRegistered(
                id, legalName, lei, type.name(), member.status.name(), null));
        return member;
    }

    /** A suspended member may open no account and withdraw no collateral; deposits are still accepted. */
    public ClearingMember suspend(String id, String reason) {
        return changeStatus(id, ClearingMember.Status.SUSPENDED, reason);
    }

    public ClearingMember reinstate(String id, String reason) {
        return changeStatus(id, ClearingMember.Status.ACTIVE, reason);
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
