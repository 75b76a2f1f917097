package io.computeclearing.settlement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * An account that receives cash postings (variation margin, final settlement) and a daily statement, as projected from
 * account-service's events. Postings are made in the contract currency; the statement totals in the base currency.
 */
@Entity
@Table(name = "settlement_account")
public class SettlementAccount extends PanacheEntityBase {

    public enum Status { ACTIVE, SUSPENDED }

    @Id
    public String id;

    @Column(name = "member_id", nullable = false)
    public String memberId;

    /** ISO 4217 code the account's statement is valued in. */
    @Column(name = "base_currency", nullable = false)
    public String baseCurrency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
