package io.computeclearing.account.defaultfund;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A demand that a member bring its default fund contribution up to the required one: {@code amount} in the fund's
 * currency by {@code deadline}. OPEN until the contribution held reaches the requirement (SETTLED) or the deadline
 * passes unmet (ESCALATED, for default management; it still settles when met later). At most one outstanding (OPEN
 * or ESCALATED) call per member; a higher requirement while it is OPEN raises its amount.
 */
@Entity
@Table(name = "contribution_call")
public class ContributionCall extends PanacheEntityBase {

    public enum Status { OPEN, SETTLED, ESCALATED }

    @Id
    public UUID id;

    @Column(name = "member_id", nullable = false)
    public String memberId;

    @Column(nullable = false)
    public String currency;

    /** What the member must deliver: the largest shortfall seen while the call was open. */
    @Column(nullable = false)
    public BigDecimal amount;

    /** The required and held contribution that set {@code amount}. */
    @Column(nullable = false)
    public BigDecimal required;

    @Column(nullable = false)
    public BigDecimal held;

    /** The risk service's sizing the requirement came from. */
    @Column(name = "sizing_id", nullable = false)
    public long sizingId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public Instant deadline;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    /** When the amount was last raised; null if never. */
    @Column(name = "amount_raised_at")
    public Instant amountRaisedAt;

    @Column(name = "settled_at")
    public Instant settledAt;

    /** Why the call was settled: COVERED_BY_DEPOSIT or COVERED_BY_REQUIREMENT. */
    @Column(name = "settled_reason")
    public String settledReason;

    @Column(name = "escalated_at")
    public Instant escalatedAt;

    /** The shortfall still open when the call was escalated. */
    @Column(name = "outstanding_at_escalation")
    public BigDecimal outstandingAtEscalation;

    /** The member's OPEN or ESCALATED call, if any. */
    public static ContributionCall outstanding(String memberId) {
        return find("memberId = ?1 and status in ?2", memberId, List.of(Status.OPEN, Status.ESCALATED))
                .firstResult();
    }
}
