package io.computeclearing.account.defaultfund;

import io.computeclearing.account.margincall.DeadlineCall;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.List;

/**
 * A demand that a member bring its default fund contribution up to the required one: {@code amount} in the fund's
 * currency by {@code deadline}. OPEN until the contribution held reaches the requirement (SETTLED) or the deadline
 * passes unmet (ESCALATED, for default management; it still settles when met later). At most one outstanding (OPEN
 * or ESCALATED) call per member; a higher requirement while it is OPEN raises its amount.
 */
@Entity
@Table(name = "contribution_call")
public class ContributionCall extends DeadlineCall {

    /** The required and held contribution that set {@code amount}. */
    @Column(nullable = false)
    public BigDecimal required;

    @Column(nullable = false)
    public BigDecimal held;

    /**
     * {@link #sizingId} of a call made before any sizing required a contribution of the member: a survivor assessed
     * by a default waterfall owes its assessment even then.
     */
    public static final long NO_SIZING = 0;

    /** The risk service's sizing the requirement came from ({@link #NO_SIZING} if none has yet). */
    @Column(name = "sizing_id", nullable = false)
    public long sizingId;

    /** The member's OPEN or ESCALATED call, if any. */
    public static ContributionCall outstanding(String memberId) {
        return find("memberId = ?1 and status in ?2", memberId, List.of(Status.OPEN, Status.ESCALATED))
                .firstResult();
    }
}
