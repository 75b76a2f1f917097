package io.computeclearing.settlement.book;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One leg the CCP holds against an account, on its business date: {@code signedQuantity} contracts (positive bought,
 * negative sold) at {@code price}. The legs of an account and instrument that are not removed (busted or given up)
 * add up to its position; this is settlement's own book, the source of positions for variation margin.
 */
@Entity
@Table(name = "settlement_leg")
public class BookedLeg extends PanacheEntityBase {

    public enum Origin { CLEARED, GIVE_UP }

    @Id
    @Column(name = "leg_id")
    public long legId;

    @Column(name = "trade_id")
    public long tradeId;

    @Column(name = "account_id")
    public String accountId;

    @Column(name = "member_id")
    public String memberId;

    @Column(name = "instrument_id")
    public String instrumentId;

    @Column(name = "signed_quantity")
    public long signedQuantity;

    public BigDecimal price;

    public String currency;

    @Column(name = "business_date")
    public LocalDate businessDate;

    @Enumerated(EnumType.STRING)
    public Origin origin;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    static long signed(String side, long quantity) {
        return switch (side) {
            case "BUY" -> quantity;
            case "SELL" -> -quantity;
            default -> throw new IllegalArgumentException("side " + side + " is neither BUY nor SELL");
        };
    }
}
