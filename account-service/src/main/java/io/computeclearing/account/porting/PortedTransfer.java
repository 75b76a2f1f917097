package io.computeclearing.account.porting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A default-management transfer whose client account's collateral has been ported: from the defaulter's account to
 * the receiving account, once per {@code transferId} whatever event carries it. The journal entries themselves are
 * keyed {@code porting:<transferId>:<assetClass>:<asset>} on each account.
 */
@Entity
@Table(name = "ported_transfer")
public class PortedTransfer extends PanacheEntityBase {

    /** risk-service's transfer id, as clearing-service's PositionsTransferred carries it. */
    @Id
    @Column(name = "transfer_id")
    public String transferId;

    /** The event that ported it. */
    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    /** The default the transfer belongs to. */
    @Column(name = "default_id", nullable = false)
    public long defaultId;

    /** The defaulter's account, which gave the collateral. */
    @Column(name = "from_account_id", nullable = false)
    public String fromAccountId;

    /** The receiving member's account, which took it. */
    @Column(name = "to_account_id", nullable = false)
    public String toAccountId;

    /** Holdings moved (currencies and securities, each one PORTED_OUT and one PORTED_IN entry); 0: nothing held. */
    @Column(name = "assets_moved", nullable = false)
    public int assetsMoved;

    @Column(name = "ported_at", nullable = false)
    public Instant portedAt;
}
