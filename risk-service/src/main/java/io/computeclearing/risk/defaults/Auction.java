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
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A sealed-bid auction of one lot: invited members bid until {@code deadline}; the default manager then closes it
 * and the lowest-cost bid wins (AWARDED), or nobody bid (NO_BIDS).
 */
@Entity
@Table(name = "auction")
public class Auction extends PanacheEntityBase {

    public enum Status { OPEN, AWARDED, NO_BIDS }

    /** A member invited to bid, and whether it must. */
    @Embeddable
    public static class Invitation {

        @Column(name = "member_id", nullable = false)
        public String memberId;

        @Column(nullable = false)
        public boolean obliged;

        static Invitation of(String memberId, boolean obliged) {
            Invitation invitation = new Invitation();
            invitation.memberId = memberId;
            invitation.obliged = obliged;
            return invitation;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "auction_id")
    public Long auctionId;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "lot_id")
    public AuctionLot lot;

    @Column(name = "default_id", nullable = false)
    public long defaultId;

    @Column(name = "price_date", nullable = false)
    public LocalDate priceDate;

    @Column(nullable = false)
    public Instant deadline;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "opened_by", nullable = false)
    public String openedBy;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "winning_bid_id")
    public Long winningBidId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "auction_invitation", joinColumns = @JoinColumn(name = "auction_id"))
    public List<Invitation> invitations = new ArrayList<>();

    public boolean invites(String memberId) {
        return invitations.stream().anyMatch(i -> i.memberId.equals(memberId));
    }
}
