package io.computeclearing.risk.defaults;

import io.computeclearing.platform.events.risk.RiskEvents.TransferPurpose;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Positions of a defaulter's account that default management moved (or asked clearing-service to move) to another
 * member's account: INSTRUCTED until clearing-service answers BOOKED (on {@code businessDate}) or REFUSED.
 */
@Entity
@Table(name = "dm_transfer")
public class DefaultTransfer extends PanacheEntityBase {

    public enum Status { INSTRUCTED, BOOKED, REFUSED }

    /**
     * One leg: {@code quantity} contracts the receiving account takes (positive: it buys) at {@code price}, and what
     * that costs the CCP against the last settlement price, {@code quantity x (settlementPrice - price) x unit}.
     */
    @Embeddable
    public static class Leg {

        @Column(name = "instrument_id", nullable = false)
        public String instrumentId;

        @Column(nullable = false)
        public long quantity;

        @Column(nullable = false)
        public BigDecimal price;

        @Column(name = "settlement_price", nullable = false)
        public BigDecimal settlementPrice;

        @Column(nullable = false)
        public String currency;

        @Column(name = "contract_unit", nullable = false)
        public BigDecimal contractUnit;

        @Column(name = "close_out_cost", nullable = false)
        public BigDecimal closeOutCost;

        public static Leg of(String instrumentId, long quantity, BigDecimal price, BigDecimal settlementPrice,
                             String currency, BigDecimal contractUnit) {
            Leg leg = new Leg();
            leg.instrumentId = instrumentId;
            leg.quantity = quantity;
            leg.price = plain(price);
            leg.settlementPrice = plain(settlementPrice);
            leg.currency = currency;
            leg.contractUnit = contractUnit;
            leg.closeOutCost = BigDecimal.valueOf(quantity).multiply(settlementPrice.subtract(price))
                    .multiply(contractUnit).setScale(2, RoundingMode.UNNECESSARY);
            return leg;
        }

        /** Without trailing zeros (2.1000000000 from a numeric(30,10) column is 2.1), never in exponent form. */
        private static BigDecimal plain(BigDecimal price) {
            BigDecimal stripped = price.stripTrailingZeros();
            return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        }
    }

    @Id
    @Column(name = "transfer_id")
    public String transferId;

    @Column(name = "default_id", nullable = false)
    public long defaultId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TransferPurpose purpose;

    @Column(name = "from_account_id", nullable = false)
    public String fromAccountId;

    @Column(name = "from_member_id", nullable = false)
    public String fromMemberId;

    @Column(name = "to_account_id", nullable = false)
    public String toAccountId;

    @Column(name = "to_member_id", nullable = false)
    public String toMemberId;

    @Column(name = "price_date", nullable = false)
    public LocalDate priceDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "instructed_by", nullable = false)
    public String instructedBy;

    @Column(name = "instructed_at", nullable = false)
    public Instant instructedAt;

    @Column(name = "business_date")
    public LocalDate businessDate;

    @Column(name = "refusal_reason")
    public String refusalReason;

    @Column(name = "refusal_detail")
    public String refusalDetail;

    @Column(name = "answered_at")
    public Instant answeredAt;

    @Column(name = "auction_id")
    public Long auctionId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "dm_transfer_leg", joinColumns = @JoinColumn(name = "transfer_id"))
    @OrderColumn(name = "leg_no")
    public List<Leg> legs = new ArrayList<>();
}
