package io.computeclearing.account.cover;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An account's latest cover: its collateral value after haircuts against its initial margin requirement, in its base
 * currency, with {@code excess = collateralValue - requirement} (negative: a deficit, which opens a margin call).
 * Replaced after every change to the account's collateral or requirement.
 */
@Entity
@Table(name = "cover_assessment")
public class CoverAssessment extends PanacheEntityBase {

    /**
     * What changed and made the account be assessed again; PORTING: a client account's collateral moved with it, in
     * default management, out of the defaulter's account into the receiving one (both are assessed);
     * DEFAULT_WATERFALL: the default waterfall took a defaulter's house account's cash or covered what an account owed;
     * SETTLEMENT_CYCLE: margin-service's requirement at a settlement cycle's prices (REQUIREMENT: one between cycles).
     */
    public enum Cause { DEPOSIT, WITHDRAWAL, SETTLEMENT_CASH, REQUIREMENT, SETTLEMENT_CYCLE, PORTING, DEFAULT_WATERFALL;

        /** A change that is part of a settlement cycle, whose own snapshot decides the call. */
        public boolean ofCycle() {
            return this == SETTLEMENT_CASH || this == SETTLEMENT_CYCLE;
        }
    }

    @Id
    @Column(name = "account_id")
    public String accountId;

    @Column(name = "base_currency", nullable = false)
    public String baseCurrency;

    @Column(name = "collateral_value", nullable = false)
    public BigDecimal collateralValue;

    @Column(nullable = false)
    public BigDecimal requirement;

    @Column(nullable = false)
    public BigDecimal excess;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Cause cause;

    @Column(name = "assessed_at", nullable = false)
    public Instant assessedAt;

    public boolean inDeficit() {
        return excess.signum() < 0;
    }
}
