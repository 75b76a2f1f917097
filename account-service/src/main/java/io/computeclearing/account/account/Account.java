package io.computeclearing.account.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A clearing member's account: it holds positions and the collateral that margins them. Collateral is valued in the
 * account's base currency.
 */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

    /**
     * HOUSE: the member's own trading, positions netted. CLIENT_OMNIBUS: many clients together, gross long and short
     * kept. CLIENT_SEGREGATED: one client, held apart from the member's other assets.
     */
    public enum Type { HOUSE, CLIENT_OMNIBUS, CLIENT_SEGREGATED }

    public enum Status { ACTIVE, SUSPENDED }

    @Id
    public String id;

    @Column(name = "member_id", nullable = false)
    public String memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Type type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** ISO 4217 code the account's collateral and requirement are valued in. */
    @Column(name = "base_currency", nullable = false)
    public String baseCurrency;

    /** Why the account was last suspended or reinstated; null until then. */
    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
