package io.computeclearing.clearing.trade;

import io.computeclearing.platform.accounts.KnownAccount;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.LocalDate;

/**
 * One side of a novated trade: the CCP against one account. The buyer's leg is a BUY of {@code +quantity}, the
 * seller's a SELL of {@code -quantity}. Legs are a journal: a bust or a give-up never changes a leg's quantity but adds
 * a {@link Kind#REVERSAL} of the same side and opposite sign (taking the contracts back out of the same long or short
 * bucket) and marks the leg {@link #reversed}; a give-up adds a {@link Kind#GIVE_UP} leg for the receiving account.
 * The {@link Kind#TRANSFER} legs of a transfer trade may carry either sign: the defaulter's leg of a porting or an
 * auction takes the contracts out of its side's bucket, like a reversal.
 */
@Entity
@Table(name = "trade_leg")
public class TradeLeg extends PanacheEntityBase {

    public enum Side { BUY, SELL }

    /**
     * NOVATION: made when the trade cleared; GIVE_UP: moved here by an accepted give-up; REVERSAL: takes one back;
     * TRANSFER: a default-management transfer trade's leg, the defaulter's or the receiving account's.
     */
    public enum Kind { NOVATION, GIVE_UP, REVERSAL, TRANSFER }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "trade_leg_seq")
    @SequenceGenerator(name = "trade_leg_seq", sequenceName = "trade_leg_seq", allocationSize = 1000)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "trade_id")
    public Trade trade;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Side side;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Column(name = "member_id", nullable = false)
    public String memberId;

    @Column(name = "instrument_id", nullable = false)
    public String instrumentId;

    /**
     * Signed contracts: positive for BUY, negative for SELL; the opposite for a REVERSAL, and for a TRANSFER leg that
     * takes contracts out of its side's bucket. Either way the account's net position moves by exactly this.
     */
    @Column(nullable = false)
    public long quantity;

    @Column(name = "business_date", nullable = false)
    public LocalDate businessDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind = Kind.NOVATION;

    /** True once a REVERSAL took this leg back (bust, or the leg was given up): it no longer counts. */
    @Column(nullable = false)
    public boolean reversed;

    /** For a REVERSAL, the leg it takes back. */
    @Column(name = "reverses_leg_id")
    public Long reversesLegId;

    /** A new leg of the trade for the account, on the trade's business date. */
    public static TradeLeg of(Trade trade, Kind kind, Side side, KnownAccount account, long signedQuantity) {
        TradeLeg leg = new TradeLeg();
        leg.trade = trade;
        leg.kind = kind;
        leg.side = side;
        leg.accountId = account.id;
        leg.memberId = account.memberId;
        leg.instrumentId = trade.instrumentId;
        leg.quantity = signedQuantity;
        leg.businessDate = trade.businessDate;
        return leg;
    }

    /** Whether the leg still holds contracts: not a reversal and not reversed. */
    public boolean live() {
        return kind != Kind.REVERSAL && !reversed;
    }

    /**
     * A leg that takes this one back on the same date: same side and account, opposite sign. Marks this one reversed.
     */
    public TradeLeg reverse() {
        TradeLeg reversal = new TradeLeg();
        reversal.trade = trade;
        reversal.side = side;
        reversal.accountId = accountId;
        reversal.memberId = memberId;
        reversal.instrumentId = instrumentId;
        reversal.quantity = -quantity;
        reversal.businessDate = businessDate;
        reversal.kind = Kind.REVERSAL;
        reversal.reversesLegId = id;
        reversed = true;
        return reversal;
    }

    /**
     * The direction the account traded in, as TradeCleared publishes it: BUY for a positive quantity, SELL for a
     * negative one. The same as {@link #side} for novation and give-up legs; the opposite for a transfer leg that
     * takes contracts out of its side's bucket (the defaulter giving up a long: side BUY, quantity negative, SELL).
     */
    public Side direction() {
        return quantity > 0 ? Side.BUY : Side.SELL;
    }

    /** Contracts traded, always positive; {@link #direction()} gives the direction. */
    public long contracts() {
        return Math.abs(quantity);
    }
}
