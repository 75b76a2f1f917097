package io.computeclearing.account.ledger;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.computeclearing.account.valuation.Asset;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.Immutable;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One business event in the collateral ledger (a deposit, a withdrawal, settlement cash the CCP pays or collects:
 * variation margin and final settlement, collateral moving with a client account ported in default management, or a
 * layer of the default waterfall),
 * made of postings that sum to zero per asset. Entries are never changed or deleted: a mistake is corrected by a new
 * entry, and the database refuses UPDATE and DELETE on the journal.
 */
@Entity
@Table(name = "journal_entry")
@Immutable
public class JournalEntry extends PanacheEntityBase {

    /**
     * DEPOSIT and WITHDRAWAL: collateral lodged or returned, recorded by the back office. VARIATION_MARGIN and
     * FINAL_SETTLEMENT: cash settled by the CCP from settlement-service's postings (either sign).
     * DEFAULT_FUND_CONTRIBUTION and DEFAULT_FUND_RELEASE: a member's default fund cash lodged or paid back (an entry
     * of the member, not of an account). PORTED_OUT and PORTED_IN: a defaulted member's client account ported to
     * another member, its holding of one asset (whatever its sign) leaving the defaulter's account and arriving in the
     * receiving one, through the CCP's transit book {@link JournalPosting.Book#CCP_PORTING}. The default waterfall,
     * through the transit book {@link JournalPosting.Book#CCP_DEFAULT_LOSS}: DEFAULT_COLLATERAL_APPLIED (a defaulter's
     * house account's cash), DEFAULT_FUND_APPLIED (a contribution, the defaulter's or a survivor's),
     * CCP_TRANCHE_APPLIED (the CCP's own funds; an entry of the defaulter member), DEFAULT_ASSESSMENT (a survivor
     * assessed beyond its contribution) and DEFAULT_LOSS_COVERED (into a defaulter's account that owes).
     */
    public enum Kind {
        DEPOSIT, WITHDRAWAL, VARIATION_MARGIN, FINAL_SETTLEMENT, DEFAULT_FUND_CONTRIBUTION, DEFAULT_FUND_RELEASE,
        PORTED_OUT, PORTED_IN, DEFAULT_COLLATERAL_APPLIED, DEFAULT_FUND_APPLIED, CCP_TRANCHE_APPLIED,
        DEFAULT_ASSESSMENT, DEFAULT_LOSS_COVERED
    }

    @Id
    public UUID id;

    /** The account whose collateral moved; null for a default fund entry. */
    @Column(name = "account_id")
    public String accountId;

    /**
     * The member whose default fund contribution moved (for CCP_TRANCHE_APPLIED the defaulter the CCP's tranche was
     * drawn for); null for an account's entry.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Column(name = "member_id")
    public String memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    /** The client's key: the same key on the same account always means this entry. */
    @Column(name = "idempotency_key", nullable = false)
    public String idempotencyKey;

    /** SHA-256 of the canonical request, to tell a retry from a different request under a reused key. */
    @JsonIgnore
    @Column(name = "request_fingerprint", nullable = false)
    public String requestFingerprint;

    /** The back office's reference, for example the bank wire or custodian instruction. */
    @Column(nullable = false)
    public String reference;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @OneToMany(mappedBy = "entry", cascade = CascadeType.PERSIST, fetch = FetchType.EAGER)
    @OrderBy("id")
    @BatchSize(size = 50)
    public List<JournalPosting> postings = new ArrayList<>();

    /**
     * A new entry, persisted with its postings (which must balance): owned by the account or, when {@code accountId}
     * is null, by the member; {@code requestFingerprint} tells a retry under its key from another movement.
     */
    public static JournalEntry book(Kind kind, String accountId, String memberId, String idempotencyKey,
                                    String requestFingerprint, String reference, String createdBy, Instant createdAt,
                                    List<JournalPosting> postings) {
        JournalEntry entry = new JournalEntry();
        entry.id = UUID.randomUUID();
        entry.accountId = accountId;
        entry.memberId = memberId;
        entry.kind = kind;
        entry.idempotencyKey = idempotencyKey;
        entry.requestFingerprint = requestFingerprint;
        entry.reference = reference;
        entry.createdBy = createdBy;
        entry.createdAt = createdAt;
        entry.withPostings(postings).persist();
        return entry;
    }

    /** Adds the postings to this entry after checking that they balance. */
    public JournalEntry withPostings(List<JournalPosting> lines) {
        requireBalanced(lines);
        for (JournalPosting line : lines) {
            line.entry = this;
            postings.add(line);
        }
        return this;
    }

    /**
     * The {@link #requestFingerprint} of a request: SHA-256 (hex) of its canonical parts joined by line breaks (amounts
     * without trailing zeros), so that a retry is told from a different request under a used key.
     */
    public static String fingerprint(String... canonicalParts) {
        String canonical = String.join("\n", canonicalParts);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The fingerprint of a movement of one asset on an account: kind, asset, quantity and reference. */
    public static String fingerprint(Kind kind, Asset asset, BigDecimal quantity, String reference) {
        return fingerprint(kind.name(), asset.assetClass().name(), asset.code(),
                quantity.stripTrailingZeros().toPlainString(), reference);
    }

    /** Double entry: for every asset, the postings' quantities sum to exactly zero. */
    public static void requireBalanced(List<JournalPosting> lines) {
        if (lines.size() < 2) {
            throw new IllegalStateException("a journal entry needs at least two postings, has " + lines.size());
        }
        Map<Asset, BigDecimal> sums = new HashMap<>();
        for (JournalPosting line : lines) {
            sums.merge(new Asset(line.assetClass, line.asset), line.quantity, BigDecimal::add);
        }
        sums.forEach((asset, sum) -> {
            if (sum.signum() != 0) {
                throw new IllegalStateException("journal entry does not balance: " + asset.code() + " postings sum to "
                        + sum.toPlainString());
            }
        });
    }
}
