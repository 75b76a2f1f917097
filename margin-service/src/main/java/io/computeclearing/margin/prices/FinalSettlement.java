package io.computeclearing.margin.prices;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An instrument settled at expiry: every open position in it was paid out at the final settlement price and is
 * closed, so it carries no more price risk and no margin.
 */
@Entity
@Table(name = "final_settlement")
public class FinalSettlement extends PanacheEntityBase {

    @Id
    @Column(name = "instrument_id")
    public String instrumentId;

    @Column(name = "business_date", nullable = false)
    public LocalDate businessDate;

    @Column(name = "final_settlement_price", nullable = false)
    public BigDecimal finalSettlementPrice;

    @Column(nullable = false)
    public String currency;

    @Column(name = "positions_settled", nullable = false)
    public long positionsSettled;

    @Column(name = "settled_at", nullable = false)
    public Instant settledAt;
}
