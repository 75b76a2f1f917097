package io.computeclearing.platform.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * An account as account-service last published it, with its member's standing. New business (a trade cleared into
 * it, a position opened) is taken only while the account {@linkplain #acceptsBusiness() accepts business}: the account
 * and its member are both active.
 */
@Entity
@Table(name = "known_account")
public class KnownAccount {

    /**
     * House accounts hold the member's own positions, netted; a client omnibus account pools many clients and keeps
     * gross long and gross short; a client segregated account holds one client's positions and collateral apart.
     */
    public enum AccountType { HOUSE, CLIENT_OMNIBUS, CLIENT_SEGREGATED }

    public enum Status { ACTIVE, SUSPENDED }

    @Id
    public String id;

    @Column(name = "member_id", nullable = false)
    public String memberId;

    @Enumerated(EnumType.STRING)
    @Column(name = "account_type", nullable = false)
    public AccountType accountType;

    /** ISO 4217 code the account is valued in: its margin requirement and its statement totals. */
    @Column(name = "base_currency", nullable = false)
    public String baseCurrency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** The member's standing; null until its registration has been seen, which keeps the account closed until then. */
    @Enumerated(EnumType.STRING)
    @Column(name = "member_status")
    public KnownMember.Status memberStatus;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * Whether the account may take new business: the account and its member are both active (a suspended or
     * defaulted member's accounts take none).
     */
    public boolean acceptsBusiness() {
        return status == Status.ACTIVE && memberStatus == KnownMember.Status.ACTIVE;
    }

    /**
     * Why the account takes no new business, for a refusal to name it ({@code account SUSPENDED}, {@code member M
     * DEFAULTED}, {@code member M not yet registered}); null while it {@linkplain #acceptsBusiness() accepts} it.
     */
    public String closedBecause() {
        if (acceptsBusiness()) {
            return null;
        }
        if (status != Status.ACTIVE) {
            return "account " + status;
        }
        return memberStatus == null ? "member " + memberId + " not yet registered"
                : "member " + memberId + " " + memberStatus;
    }
}
