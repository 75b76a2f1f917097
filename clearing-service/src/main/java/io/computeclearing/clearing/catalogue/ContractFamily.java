package io.computeclearing.clearing.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A futures product on one compute-price index, for example GH100 (1,000 H100 GPU-hours, USD per GPU-hour). Prices
 * are quoted per unit of the underlying on a grid of {@code tickSize}; one contract is {@code contractUnit} units, so
 * one tick is worth {@code tickSize x contractUnit} in {@code currency}. The family lists one instrument per contract
 * month, {@code listingCycleMonths} consecutive months at a time.
 */
@Entity
@Table(name = "contract_family")
public class ContractFamily extends PanacheEntityBase {

    @Id
    public String symbol;

    @Column(nullable = false)
    public String description;

    /** The published index the contract settles against, for example SDH100RT. */
    @Column(name = "underlying_index_id", nullable = false)
    public String underlyingIndexId;

    /** ISO 4217 code of the quote and of every cash flow. */
    @Column(nullable = false)
    public String currency;

    /** Units of the underlying in one contract (for example 1000 GPU-hours). */
    @Column(name = "contract_unit", nullable = false)
    public BigDecimal contractUnit;

    /** What one unit is, for example "GPU-hour (H100)". */
    @Column(name = "unit_description", nullable = false)
    public String unitDescription;

    /** Smallest price step, in currency per unit. */
    @Column(name = "tick_size", nullable = false)
    public BigDecimal tickSize;

    @Column(name = "listing_cycle_months", nullable = false)
    public int listingCycleMonths;

    @Enumerated(EnumType.STRING)
    @Column(name = "last_trading_day_rule", nullable = false)
    public LastTradingDayRule lastTradingDayRule;

    /** The rule's parameter: business days before the month's last business day (0 for the last business day). */
    @Column(name = "last_trading_day_offset", nullable = false)
    public int lastTradingDayOffset;

    @Enumerated(EnumType.STRING)
    @Column(name = "final_settlement_rule", nullable = false)
    public FinalSettlementRule finalSettlementRule;

    /** Weekdays on which the family does not trade. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "contract_family_holiday", joinColumns = @JoinColumn(name = "family_symbol"))
    @Column(name = "holiday")
    @OrderBy
    public Set<LocalDate> holidays = new LinkedHashSet<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public TradingCalendar calendar() {
        return TradingCalendar.withHolidays(holidays);
    }

    /** What one tick is worth in {@link #currency}: tick size x contract unit. */
    public BigDecimal tickValue() {
        return tickSize.multiply(contractUnit).stripTrailingZeros();
    }

    /** Whether {@code price} lies on the tick grid: price / tick is a whole number (zero and negatives included). */
    public boolean onTickGrid(BigDecimal price) {
        return price.remainder(tickSize).signum() == 0;
    }
}
