package io.computeclearing.risk.defaults;

import io.computeclearing.platform.accounts.KnownAccount;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/**
 * A defaulter's client account offered to a receiving member until {@code deadline}: OPEN, then ACCEPTED (the
 * member named the account to take it into, the transfer is instructed) and PORTED once clearing-service booked it
 * (FAILED if it refused), or REJECTED by the member, or EXPIRED at the deadline. An account whose offer did not end
 * PORTED joins the close-out.
 */
@Entity
@Table(name = "porting_offer")
public class PortingOffer extends PanacheEntityBase {

    public enum Status { OPEN, ACCEPTED, PORTED, FAILED, REJECTED, EXPIRED }

    /** The statuses that keep the account from another offer and from the close-out. */
    static final List<Status> LIVE = List.of(Status.OPEN, Status.ACCEPTED, Status.PORTED);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "offer_id")
    public Long offerId;

    @Column(name = "default_id", nullable = false)
    public long defaultId;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Enumerated(EnumType.STRING)
    @Column(name = "account_type", nullable = false)
    public KnownAccount.AccountType accountType;

    @Column(name = "receiving_member_id", nullable = false)
    public String receivingMemberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public Instant deadline;

    @Column(name = "offered_by", nullable = false)
    public String offeredBy;

    @Column(name = "offered_at", nullable = false)
    public Instant offeredAt;

    @Column(name = "receiving_account_id")
    public String receivingAccountId;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "transfer_id")
    public String transferId;
}
