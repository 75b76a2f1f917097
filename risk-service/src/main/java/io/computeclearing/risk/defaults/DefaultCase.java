package io.computeclearing.risk.defaults;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/**
 * A member's default from its proposal on: PROPOSED until a second person approves it (DECLARED: the member is in
 * default) or someone withdraws it (WITHDRAWN). {@code proposedBy} is {@code risk-service} when an escalated call
 * ({@code callId}) proposed it; {@code decidedBy} approved or withdrew it.
 */
@Entity
@Table(name = "member_default")
public class DefaultCase extends PanacheEntityBase {

    public enum Status { PROPOSED, WITHDRAWN, DECLARED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "default_id")
    public Long defaultId;

    @Column(name = "member_id", nullable = false)
    public String memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DefaultReason reason;

    @Column(nullable = false)
    public String detail;

    @Column(name = "call_id")
    public String callId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "proposed_by", nullable = false)
    public String proposedBy;

    @Column(name = "proposed_at", nullable = false)
    public Instant proposedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    /** The member's case that is PROPOSED or DECLARED, if any. */
    static DefaultCase open(String memberId) {
        return find("memberId = ?1 and status in ?2", memberId, List.of(Status.PROPOSED, Status.DECLARED))
                .firstResult();
    }
}
