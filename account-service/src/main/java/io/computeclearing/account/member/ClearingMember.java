package io.computeclearing.account.member;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A firm admitted to clear through the CCP. Its accounts hold positions and collateral. */
@Entity
@Table(name = "clearing_member")
public class ClearingMember extends PanacheEntityBase {

    /** General clearing members clear for themselves and other firms; direct clearing members only for themselves. */
    public enum MembershipType { GENERAL_CLEARING_MEMBER, DIRECT_CLEARING_MEMBER }

    /**
     * SUSPENDED and ACTIVE again as the back office decides; DEFAULTED when risk-service declares the default
     * ({@code MemberDefaultDeclared}, under four eyes), for good: no status change over REST undoes it.
     */
    public enum Status { ACTIVE, SUSPENDED, DEFAULTED }

    @Id
    public String id;

    @Column(name = "legal_name", nullable = false)
    public String legalName;

    /** ISO 17442 Legal Entity Identifier. */
    @Column(nullable = false, unique = true)
    public String lei;

    @Enumerated(EnumType.STRING)
    @Column(name = "membership_type", nullable = false)
    public MembershipType membershipType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /**
     * The member this one is affiliated with (same group), or null. The risk service counts a group as one member in
     * Cover-2; the chain of parents never loops back.
     */
    @Column(name = "parent_member_id")
    public String parentMemberId;

    /**
     * Why the member was last suspended, reinstated or declared in default (then the default's id and reason); null
     * until then.
     */
    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
