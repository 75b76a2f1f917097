package io.computeclearing.account.member;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A member's default as risk-service declared it ({@code MemberDefaultDeclared}): the default's id names the case
 * default management works on, and the default waterfall is applied once per case. A member defaults once
 * (DEFAULTED is final), so it has at most one case.
 */
@Entity
@Table(name = "default_case")
@Immutable
public class DefaultCase extends PanacheEntityBase {

    /** risk-service's default id. */
    @Id
    @Column(name = "default_id")
    public long defaultId;

    @Column(name = "member_id", nullable = false)
    public String memberId;

    /** When the second person approved the default in risk-service. */
    @Column(name = "declared_at", nullable = false)
    public Instant declaredAt;

    /** When account-service marked the member DEFAULTED. */
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /**
     * The cash the member's house accounts held in the default fund's currency when the default was recorded, each
     * account's balance counted when positive: the collateral the close-out's loss is drawn on first.
     */
    @Column(name = "house_cash", nullable = false)
    public BigDecimal houseCash;

    /** The member's default case, or null if it has not defaulted. */
    public static DefaultCase of(String memberId) {
        return find("memberId", memberId).firstResult();
    }
}
