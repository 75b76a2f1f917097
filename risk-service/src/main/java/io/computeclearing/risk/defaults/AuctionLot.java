package io.computeclearing.risk.defaults;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Part of a defaulter's close-out portfolio auctioned as one: whole positions (an account's holding in an
 * instrument), all in one currency, priced at the settlement prices of the date they were lotted. AUCTIONING while
 * its auction runs, SOLD once awarded, UNSOLD when nobody bid (its positions can be lotted again).
 */
@Entity
@Table(name = "auction_lot")
public class AuctionLot extends PanacheEntityBase {

    public enum Status { AUCTIONING, SOLD, UNSOLD }

    /** A whole position in the lot: gross long and short as clearing-service keeps them. */
    @Embeddable
    public static class Position {

        @Column(name = "account_id", nullable = false)
        public String accountId;

        @Column(name = "instrument_id", nullable = false)
        public String instrumentId;

        @Column(name = "long_quantity", nullable = false)
        public long longQuantity;

        @Column(name = "short_quantity", nullable = false)
        public long shortQuantity;

        @Column(name = "settlement_price", nullable = false)
        public BigDecimal settlementPrice;

        @Column(name = "contract_unit", nullable = false)
        public BigDecimal contractUnit;

        static Position of(DefaultPortfolio.Held held) {
            Position position = new Position();
            position.accountId = held.accountId();
            position.instrumentId = held.instrumentId();
            position.longQuantity = held.longQuantity();
            position.shortQuantity = held.shortQuantity();
            position.settlementPrice = held.settlementPrice();
            position.contractUnit = held.contractUnit();
            return position;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "lot_id")
    public Long lotId;

    @Column(name = "default_id", nullable = false)
    public long defaultId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "auction_lot_position", joinColumns = @JoinColumn(name = "lot_id"))
    public List<Position> positions = new ArrayList<>();
}
