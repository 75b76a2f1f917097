package io.computeclearing.risk.defaults;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A member's sealed bid for a whole lot: {@code amount} is what the CCP pays the member to take it into
 * {@code accountId} (negative: what the member pays the CCP). Only the bidder sees it until the auction closes.
 */
@Entity
@Table(name = "auction_bid")
public class AuctionBid extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "bid_id")
    public Long bidId;

    @Column(name = "auction_id", nullable = false)
    public long auctionId;

    @Column(name = "member_id", nullable = false)
    public String memberId;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Column(nullable = false)
    public BigDecimal amount;

    @Column(nullable = false)
    public String currency;

    @Column(name = "placed_by", nullable = false)
    public String placedBy;

    @Column(name = "placed_at", nullable = false)
    public Instant placedAt;
}
