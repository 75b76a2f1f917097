package io.computeclearing.clearing.trade;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A matched trade the CCP accepted, as the exchange reported it. Novation replaced it with two {@link TradeLeg legs},
 * CCP against the buyer and CCP against the seller; the legs are what positions are made of. A transfer trade
 * ({@link #transferId} set) is the CCP's own: default management moved contracts from a defaulted member's account
 * to another member's at an agreed price; it has no exchange behind it, and cannot be busted or given up.
 */
@Entity
@Table(name = "trade")
public class Trade extends PanacheEntityBase {

    /** CLEARED when novated; BUSTED once the back office cancelled it and its legs were reversed. */
    public enum Status { CLEARED, BUSTED }

    /**
     * Exchange trade ids starting with this are the CCP's own, given to transfer trades; trade capture refuses them,
     * so an exchange's trade and a transfer trade never share an id.
     */
    public static final String TRANSFER_TRADE_ID_PREFIX = "DM:";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "trade_seq")
    @SequenceGenerator(name = "trade_seq", sequenceName = "trade_seq", allocationSize = 1000)
    public Long id;

    @Column(name = "exchange_trade_id", nullable = false, unique = true)
    public String exchangeTradeId;

    @Column(name = "instrument_id", nullable = false)
    public String instrumentId;

    @Column(nullable = false)
    public long quantity;

    /**
     * At the instrument's tick scale; zero and negative prices are legal. A transfer trade's is the agreed price as
     * instructed, up to 10 decimals and not bound to the tick grid.
     */
    @Column(nullable = false)
    public BigDecimal price;

    @Column(name = "buyer_account_id", nullable = false)
    public String buyerAccountId;

    @Column(name = "seller_account_id", nullable = false)
    public String sellerAccountId;

    @Column(name = "trade_time", nullable = false)
    public Instant tradeTime;

    @Column(name = "business_date", nullable = false)
    public LocalDate businessDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "cleared_at", nullable = false)
    public Instant clearedAt;

    @Column(name = "busted_at")
    public Instant bustedAt;

    @Column(name = "bust_reason")
    public String bustReason;

    /** For a trade made by a correction: the trade it replaced (now BUSTED). */
    @Column(name = "corrects_trade_id")
    public Long correctsTradeId;

    /** For a transfer trade: the default-management transfer (risk-service's transfer id) that made it. */
    @Column(name = "transfer_id")
    public String transferId;

    /** Buy leg first. Written explicitly (no cascade) so that a batch inserts all trades, then all legs. */
    @OneToMany(mappedBy = "trade")
    @OrderBy("quantity desc")
    public List<TradeLeg> legs = new ArrayList<>();

    /** The legs that still hold contracts: the novation legs, or the legs a give-up moved them to. */
    public List<TradeLeg> liveLegs() {
        return legs.stream().filter(TradeLeg::live).toList();
    }

    /**
     * The exchange trade id of the {@code leg}-th transfer trade (from 1) of a transfer: {@code DM:<transferId>/<leg>},
     * in the prefix capture refuses.
     */
    public static String transferTradeId(String transferId, int leg) {
        return TRANSFER_TRADE_ID_PREFIX + transferId + "/" + leg;
    }

    /** A trade time as PostgreSQL keeps it (microseconds), so that what is compared is what was stored. */
    public static Instant storedTime(Instant time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    /** Whether a resubmission carries the same trade: same fields, price compared by value (2.6 equals 2.600). */
    public boolean sameContentAs(TradeSubmission submission) {
        return differencesFrom(submission).isEmpty();
    }

    /** The names of the fields in which the submission differs from this trade. */
    public List<String> differencesFrom(TradeSubmission submission) {
        List<String> differences = new ArrayList<>();
        if (!instrumentId.equals(submission.instrumentId())) {
            differences.add("instrumentId");
        }
        if (submission.quantity() == null || quantity != submission.quantity()) {
            differences.add("quantity");
        }
        if (submission.price() == null || price.compareTo(submission.price()) != 0) {
            differences.add("price");
        }
        if (!buyerAccountId.equals(submission.buyerAccountId())) {
            differences.add("buyerAccountId");
        }
        if (!sellerAccountId.equals(submission.sellerAccountId())) {
            differences.add("sellerAccountId");
        }
        if (submission.tradeTime() == null || !tradeTime.equals(storedTime(submission.tradeTime()))) {
            differences.add("tradeTime");
        }
        if (!businessDate.equals(submission.businessDate())) {
            differences.add("businessDate");
        }
        return differences;
    }
}
