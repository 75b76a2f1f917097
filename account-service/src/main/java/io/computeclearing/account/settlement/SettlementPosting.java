package io.computeclearing.account.settlement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A cash posting from settlement-service as booked here: variation margin or final settlement for one account,
 * business date and currency. Its {@code postingId} is booked once, whichever event carries it; the journal entry
 * holds the cash movement itself (none for a zero posting).
 */
@Entity
@Table(name = "settlement_posting")
public class SettlementPosting extends PanacheEntityBase {

    @Id
    @Column(name = "posting_id")
    public String postingId;

    /** The event that first carried the posting. */
    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    /** {@code VARIATION_MARGIN} or {@code FINAL_SETTLEMENT}. */
    @Column(nullable = false)
    public String kind;

    @Column(name = "business_date", nullable = false)
    public LocalDate businessDate;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Column(nullable = false)
    public String currency;

    /** Signed: positive paid to the account, negative due from it. */
    @Column(nullable = false)
    public BigDecimal amount;

    /** The journal entry that moved the cash; null for a zero posting. */
    @Column(name = "entry_id")
    public UUID entryId;

    @Column(name = "posted_at", nullable = false)
    public Instant postedAt;

    @Column(name = "booked_at", nullable = false)
    public Instant bookedAt;
}
