package io.computeclearing.account.margincall;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * What a margin call and a default fund contribution call share: a member must deliver {@code amount} in
 * {@code currency} by {@code deadline}. OPEN until met (SETTLED, with the reason) or the deadline passes unmet
 * (ESCALATED, for default management; it still settles when met later); an OPEN call's amount can be raised.
 */
@MappedSuperclass
public abstract class DeadlineCall extends PanacheEntityBase {

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

    /** Why the call was settled, for example COVERED_BY_DEPOSIT. */
    @Column(name = "settled_reason")
    public String settledReason;

    @Column(name = "escalated_at")
    public Instant escalatedAt;

    /** The shortfall still open when the call was escalated. */
    @Column(name = "outstanding_at_escalation")
    public BigDecimal outstandingAtEscalation;
}
