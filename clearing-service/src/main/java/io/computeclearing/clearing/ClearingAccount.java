package io.computeclearing.clearing;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * An account that trades can be cleared into, as projected from account-service's events. Trade capture refuses a
 * trade unless the account {@linkplain #acceptsTrades() accepts trades}: the account and its member are both active.
 */
@Entity
@Table(name = "clearing_account")
public class ClearingAccount extends PanacheEntityBase {

    /** House accounts net their positions; client omnibus accounts keep gross long and gross short. */
    public enum AccountType { HOUSE, CLIENT_OMNIBUS, CLIENT_SEGREGATED }

    public enum Status { ACTIVE, SUSPENDED }

    @Id
    public String id;

    @Column(name = "member_id", nullable = false)
    public String memberId;

    @Enumerated(EnumType.STRING)
    @Column(name = "account_type", nullable = false)
    public AccountType accountType;

    /** ISO 4217 code the account is valued in. */
    @Column(name = "base_currency", nullable = false)
    public String baseCurrency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** The member's standing; null until its registration has been seen, which blocks trading until then. */
    @Enumerated(EnumType.STRING)
    @Column(name = "member_status")
    public ClearingMember.Status memberStatus;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Whether new trades may be cleared into this account: the account and its member are both active. */
    @JsonProperty("acceptsTrades")
    public boolean acceptsTrades() {
        return status == Status.ACTIVE && memberStatus == ClearingMember.Status.ACTIVE;
    }
}
