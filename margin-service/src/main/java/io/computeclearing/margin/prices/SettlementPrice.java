package io.computeclearing.margin.prices;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The daily settlement price of an instrument for one business date, in its currency per unit of the underlying, as
 * settlement-service last published it (only a higher version replaces it). Zero and negative prices are legal.
 */
@Entity
@Table(name = "settlement_price")
@IdClass(SettlementPrice.Key.class)
public class SettlementPrice extends PanacheEntityBase {

    /** Primary key: instrument and business date. */
    public record Key(String instrumentId, LocalDate businessDate) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "instrument_id")
    public String instrumentId;

    @Id
    @Column(name = "business_date")
    public LocalDate businessDate;

    @Column(nullable = false)
    public BigDecimal price;

    @Column(nullable = false)
    public String currency;

    @Column(nullable = false)
    public int version;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
