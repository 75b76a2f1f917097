package io.computeclearing.account.service;

import io.computeclearing.account.ClearingMember;
import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.outbox.Outbox;
import io.computeclearing.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/** Admits, suspends and reinstates clearing members; each change is published with it. */
@ApplicationScoped
@Transactional
public class MemberService {

    private final Outbox outbox;

    public MemberService(Outbox outbox) {
        this.outbox = outbox;
    }

    public ClearingMember register(String id, String legalName, String lei, ClearingMember.MembershipType type) {
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
        member.createdAt = member.updatedAt = Instant.now();
        member.persist();
        outbox.record(AccountEvents.MEMBER_REGISTERED, id, new AccountEvents.MemberRegistered(
                id, legalName, lei, type.name(), member.status.name()));
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
        return ClearingMember.listAll(io.quarkus.panache.common.Sort.by("id"));
    }
}
