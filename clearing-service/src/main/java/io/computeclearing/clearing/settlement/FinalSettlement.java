package io.computeclearing.clearing.settlement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The closing of an instrument at final settlement: settlement-service paid every open position
 * {@code (FSP - last daily settlement price) x net x contract unit} and clearing closed them all. The final
 * settlement price (FSP) is in {@code currency} per unit of the underlying, exactly as published.
 */
@Entity
@Table(name = "final_settlement")
public class FinalSettlement extends PanacheEntityBase {

    @Id
    @Column(name = "instrument_id")
    public String instrumentId;

    /** The instrument's last trading day: positions are closed as at its end. */
    @Column(name = "business_date", nullable = false)
    public LocalDate businessDate;

    @Column(name = "final_settlement_price", nullable = false)
    public BigDecimal finalSettlementPrice;

    @Column(nullable = false)
    public String currency;

    /** How many positions settlement-service paid. */
    @Column(name = "positions_settled", nullable = false)
    public long positionsSettled;

    /** How many positions clearing closed (accounts with a non-zero long or short). */
    @Column(name = "positions_closed", nullable = false)
    public int positionsClosed;

    /** When settlement-service completed the final settlement. */
    @Column(name = "settled_at", nullable = false)
    public Instant settledAt;

    /** When clearing closed the positions. */
    @Column(name = "closed_at", nullable = false)
    public Instant closedAt;

    /** The FinalSettlementCompleted event that closed the positions. */
    @Column(name = "event_id", nullable = false)
    public UUID eventId;
}
