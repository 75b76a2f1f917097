package io.computeclearing.clearing.giveup;

import io.computeclearing.clearing.trade.TradeLeg;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A request to give up one leg of a cleared trade: the executing member's account hands the leg (its contracts, at
 * the trade's price) to another member's account. Nothing moves until the receiving member accepts; it may reject.
 */
@Entity
@Table(name = "give_up")
public class GiveUp extends PanacheEntityBase {

    public enum Status { PENDING, ACCEPTED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "give_up_seq")
    @SequenceGenerator(name = "give_up_seq", sequenceName = "give_up_seq", allocationSize = 50)
    public Long id;

    @Column(name = "trade_id", nullable = false)
    public long tradeId;

    /** The leg to move (live when requested). */
    @Column(name = "leg_id", nullable = false)
    public long legId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TradeLeg.Side side;

    @Column(name = "from_account_id", nullable = false)
    public String fromAccountId;

    @Column(name = "from_member_id", nullable = false)
    public String fromMemberId;

    @Column(name = "to_account_id", nullable = false)
    public String toAccountId;

    @Column(name = "to_member_id", nullable = false)
    public String toMemberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;
}
