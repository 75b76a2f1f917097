package io.computeclearing.account.margincall;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.List;

/**
 * A demand that a member deliver collateral to an account whose cover fell short at a settlement cycle:
 * {@code amount} in the account's base currency by {@code deadline}. OPEN until the cover is restored (SETTLED) or the
 * deadline passes unmet (ESCALATED, for default management; it still settles if the cover is restored later). An
 * account has at most one outstanding (OPEN or ESCALATED) call per currency; a larger deficit at a later cycle while it
 * is OPEN raises its amount (the largest deficit a cycle saw, rounded up to the cent).
 */
@Entity
@Table(name = "margin_call")
public class MarginCall extends DeadlineCall {

    @Column(name = "account_id", nullable = false)
    public String accountId;

    /** The requirement and collateral value of the assessment that set {@code amount}. */
    @Column(nullable = false)
    public BigDecimal requirement;

    @Column(name = "collateral_value", nullable = false)
    public BigDecimal collateralValue;

    /** The settlement cycle whose snapshot set {@code amount} (null for calls from before cycles). */
    @Column(name = "cycle_id")
    public String cycleId;

    /** The account's OPEN or ESCALATED call in the currency, if any. */
    public static MarginCall outstanding(String accountId, String currency) {
        return find("accountId = ?1 and currency = ?2 and status in ?3", accountId, currency,
                List.of(Status.OPEN, Status.ESCALATED)).firstResult();
    }
}
