package io.computeclearing.account.defaultfund;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A member's required default fund contribution, from the risk service's latest sizing. */
@Entity
@Table(name = "default_fund_requirement")
public class DefaultFundRequirement extends PanacheEntityBase {

    @Id
    @Column(name = "member_id")
    public String memberId;

    @Column(nullable = false)
    public String currency;

    /** What the member must hold in the fund, scale of the currency's minor unit. */
    @Column(nullable = false)
    public BigDecimal amount;

    /** The sizing that set it; a lower one arriving late is ignored. */
    @Column(name = "sizing_id", nullable = false)
    public long sizingId;

    @Column(name = "effective_date", nullable = false)
    public LocalDate effectiveDate;

    /** When the risk service required it. */
    @Column(name = "required_at", nullable = false)
    public Instant requiredAt;

    @Column(name = "applied_at", nullable = false)
    public Instant appliedAt;
}
