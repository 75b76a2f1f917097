package io.computeclearing.risk.defaults;

import io.computeclearing.platform.outbox.Outbox;
import io.computeclearing.platform.persistence.KeyLock;
import io.computeclearing.platform.problem.ProblemException;
import io.computeclearing.platform.events.risk.RiskEvents;
import io.computeclearing.platform.events.risk.RiskEvents.DefaultProposalWithdrawn;
import io.computeclearing.platform.events.risk.RiskEvents.DefaultProposed;
import io.computeclearing.platform.events.risk.RiskEvents.MemberDefaultDeclared;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Declaring a default, four eyes: one person proposes (or an escalated call does, as {@code risk-service}), a second,
 * different person approves, and only then is the member in default ({@code MemberDefaultDeclared}: account-service
 * marks it DEFAULTED, which stops new business on its accounts). A proposal can be withdrawn until it is approved. A
 * member has at most one open case (PROPOSED or DECLARED); each step is a row and an event, under a lock per member.
 */
@ApplicationScoped
public class DefaultCases {

    /** Who proposes a default on behalf of an escalated call. */
    public static final String AUTOMATIC = "risk-service";

    private static final Logger LOG = Logger.getLogger(DefaultCases.class);

    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;

    public DefaultCases(EntityManager em, Outbox outbox, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Proposes the member's default; 404 for a member risk-service does not know, 409 while a case is open. */
    @Transactional
    public DefaultCase propose(String memberId, DefaultReason reason, String detail, String by) {
        KeyLock.hold(em, "member_default", memberId);
        if (em.createNativeQuery("select 1 from risk_member where member_id = :member").setParameter("member", memberId)
                .getResultList().isEmpty()) {
            throw ProblemException.notFound("member", memberId);
        }
        DefaultCase open = DefaultCase.open(memberId);
        if (open != null) {
            throw alreadyOpen(open);
        }
        return record(memberId, reason, detail, null, by);
    }

    /**
     * Proposes the default of the member of a call that escalated unmet, unless its default is already proposed or
     * declared (then the call is only logged: the open case stands for it). Empty when nothing was proposed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<DefaultCase> proposeForEscalatedCall(String memberId, DefaultReason reason, String callId,
                                                         String detail) {
        KeyLock.hold(em, "member_default", memberId);
        DefaultCase open = DefaultCase.open(memberId);
        if (open != null) {
            LOG.infof("call %s of member %s escalated; its default case %d is already %s", callId, memberId,
                    open.defaultId, open.status);
            return Optional.empty();
        }
        if (DefaultCase.count("callId", callId) > 0) {
            return Optional.empty();
        }
        DefaultCase proposed = record(memberId, reason, detail, callId, AUTOMATIC);
        LOG.warnf("default of member %s proposed (case %d): %s; it waits for approval by risk or admin", memberId,
                proposed.defaultId, detail);
        return Optional.of(proposed);
    }

    /** Approves a proposal: the member is in default. 409 unless PROPOSED, or when the approver proposed it. */
    @Transactional
    public DefaultCase approve(long defaultId, String by) {
        DefaultCase c = proposed(defaultId);
        if (c.proposedBy.equals(by)) {
            throw ProblemException.conflict("four-eyes", "A second person must approve",
                    "default case " + defaultId + " was proposed by " + by
                            + ": another user with the risk or admin role must approve it");
        }
        c.status = DefaultCase.Status.DECLARED;
        c.decidedBy = by;
        c.decidedAt = now();
        outbox.record(RiskEvents.MEMBER_DEFAULT_DECLARED, c.memberId, new MemberDefaultDeclared(c.defaultId,
                c.memberId, c.reason.name(), c.detail, c.proposedBy, c.decidedBy, c.decidedAt));
        LOG.warnf("member %s declared in default (case %d, %s): proposed by %s, approved by %s", c.memberId,
                c.defaultId, c.reason, c.proposedBy, by);
        return c;
    }

    /** Withdraws a proposal before approval; 409 unless PROPOSED. */
    @Transactional
    public DefaultCase withdraw(long defaultId, String why, String by) {
        DefaultCase c = proposed(defaultId);
        c.status = DefaultCase.Status.WITHDRAWN;
        c.decidedBy = by;
        c.decidedAt = now();
        c.withdrawalReason = why;
        outbox.record(RiskEvents.DEFAULT_PROPOSAL_WITHDRAWN, c.memberId,
                new DefaultProposalWithdrawn(c.defaultId, c.memberId, by, why, c.decidedAt));
        return c;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<DefaultCase> find(long defaultId) {
        return DefaultCase.findByIdOptional(defaultId);
    }

    /** Cases newest first, filtered by status and member when given. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DefaultCase> list(DefaultCase.Status status, String memberId, int page, int size) {
        List<String> where = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (status != null) {
            values.add(status);
            where.add("status = ?" + values.size());
        }
        if (memberId != null) {
            values.add(memberId);
            where.add("memberId = ?" + values.size());
        }
        return DefaultCase.<DefaultCase>find(where.isEmpty() ? "" : String.join(" and ", where),
                Sort.descending("defaultId"), values.toArray()).page(page, size).list();
    }

    private DefaultCase record(String memberId, DefaultReason reason, String detail, String callId, String by) {
        DefaultCase c = new DefaultCase();
        c.memberId = memberId;
        c.reason = reason;
        c.detail = detail;
        c.callId = callId;
        c.status = DefaultCase.Status.PROPOSED;
        c.proposedBy = by;
        c.proposedAt = now();
        c.persist();
        outbox.record(RiskEvents.DEFAULT_PROPOSED, memberId, new DefaultProposed(c.defaultId, memberId,
                reason.name(), detail, callId, by, c.proposedAt));
        return c;
    }

    /** The case, locked for its member, if it is still PROPOSED. */
    private DefaultCase proposed(long defaultId) {
        DefaultCase c = DefaultCase.<DefaultCase>findByIdOptional(defaultId)
                .orElseThrow(() -> ProblemException.notFound("default case", String.valueOf(defaultId)));
        KeyLock.hold(em, "member_default", c.memberId);
        em.refresh(c);
        if (c.status != DefaultCase.Status.PROPOSED) {
            throw ProblemException.conflict("default-not-proposed", "Not a pending proposal",
                    "default case " + defaultId + " of member " + c.memberId + " is " + c.status
                            + ": only a PROPOSED case can be approved or withdrawn");
        }
        return c;
    }

    private static ProblemException alreadyOpen(DefaultCase open) {
        return ProblemException.conflict(open.status == DefaultCase.Status.DECLARED ? "member-in-default"
                        : "default-already-proposed",
                open.status == DefaultCase.Status.DECLARED ? "Member in default" : "Default already proposed",
                "member " + open.memberId + " has default case " + open.defaultId + ", " + open.status);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
