package io.computeclearing.margin;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * An account whose margin this service computes, as projected from account-service's events. Its requirement is
 * expressed in the base currency, and its type selects the ratio of initial to maintenance margin, a per-account-type
 * parameter ({@code initial = maintenance x ratio}: 1.10 for speculators, 1.00 for hedgers and members).
 */
@Entity
@Table(name = "margin_account")
public class MarginAccount extends PanacheEntityBase {

    public enum AccountType { HOUSE, CLIENT_OMNIBUS, CLIENT_SEGREGATED }

    public enum Status { ACTIVE, SUSPENDED }

    @Id
    public String id;

    @Column(name = "member_id", nullable = false)
    public String memberId;

    @Enumerated(EnumType.STRING)
    @Column(name = "account_type", nullable = false)
    public AccountType accountType;

    /** ISO 4217 code the margin requirement is expressed in. */
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
