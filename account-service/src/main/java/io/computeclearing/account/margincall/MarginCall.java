package io.computeclearing.account.margincall;

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
 * A demand that a member deliver collateral to an account whose cover fell short: {@code amount} in the account's
 * base currency by {@code deadline}. OPEN until the cover is restored (SETTLED) or the deadline passes unmet
 * (ESCALATED, for default management; it still settles if the cover is restored later). An account has at most one
 * outstanding (OPEN or ESCALATED) call per currency; a deficit growing while it is OPEN raises its amount.
 */
@Entity
@Table(name = "margin_call")
public class MarginCall extends PanacheEntityBase {

    public enum Status { OPEN, SETTLED, ESCALATED }

    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Column(name = "member_id", nullable = false)
    public String memberId;

    /** The account's base currency, in which the deficit was measured. */
    @Column(nullable = false)
    public String currency;

    /** What the member must deliver: the largest deficit seen while the call was open, rounded up to the cent. */
    @Column(nullable = false)
    public BigDecimal amount;

    /** The requirement and collateral value of the assessment that set {@code amount}. */
    @Column(nullable = false)
    public BigDecimal requirement;

    @Column(name = "collateral_value", nullable = false)
    public BigDecimal collateralValue;

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

    /** The deficit still open when the call was escalated. */
    @Column(name = "outstanding_at_escalation")
    public BigDecimal outstandingAtEscalation;

    /** The account's OPEN or ESCALATED call in the currency, if any. */
    public static MarginCall outstanding(String accountId, String currency) {
        return find("accountId = ?1 and currency = ?2 and status in ?3", accountId, currency,
                List.of(Status.OPEN, Status.ESCALATED)).firstResult();
    }
}
