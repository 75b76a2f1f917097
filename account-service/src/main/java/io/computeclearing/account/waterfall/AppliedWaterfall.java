package io.computeclearing.account.waterfall;

import io.computeclearing.platform.events.account.AccountEvents.DefaultWaterfallApplied;
import io.computeclearing.platform.events.account.AccountEvents.OwedAmount;
import io.computeclearing.platform.events.account.AccountEvents.SurvivorShare;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The default waterfall applied for one default, as booked: what each layer bore, each survivor's share, what stayed
 * uncovered, what the defaulter still owes in other currencies and the journal entries that carried it out. Written
 * once per default and never changed (the database refuses UPDATE and DELETE).
 */
@Entity
@Table(name = "default_waterfall")
@Immutable
public class AppliedWaterfall extends PanacheEntityBase {

    /** risk-service's default id: one waterfall per default. */
    @Id
    @Column(name = "default_id")
    public long defaultId;

    /** The defaulter. */
    @Column(name = "member_id", nullable = false)
    public String memberId;

    /** The default fund's currency: the only one the waterfall covers. */
    @Column(nullable = false)
    public String currency;

    @Column(nullable = false)
    public BigDecimal loss;

    @Column(name = "defaulter_collateral", nullable = false)
    public BigDecimal defaulterCollateral;

    @Column(name = "defaulter_contribution", nullable = false)
    public BigDecimal defaulterContribution;

    @Column(name = "ccp_tranche", nullable = false)
    public BigDecimal ccpTranche;

    @Column(name = "survivor_contributions", nullable = false)
    public BigDecimal survivorContributions;

    @Column(name = "survivor_assessments", nullable = false)
    public BigDecimal survivorAssessments;

    @Column(nullable = false)
    public BigDecimal uncovered;

    @Column(name = "applied_by", nullable = false)
    public String appliedBy;

    @Column(name = "applied_at", nullable = false)
    public Instant appliedAt;

    @ElementCollection
    @CollectionTable(name = "default_waterfall_survivor", joinColumns = @JoinColumn(name = "default_id"))
    @OrderBy("memberId")
    public List<Survivor> survivors = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "default_waterfall_owed", joinColumns = @JoinColumn(name = "default_id"))
    @OrderBy("currency")
    public List<Owed> otherCurrencies = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "default_waterfall_entry", joinColumns = @JoinColumn(name = "default_id"))
    @OrderColumn(name = "position")
    @Column(name = "entry_id", nullable = false)
    public List<UUID> entryIds = new ArrayList<>();

    /** The waterfall of a default, or null if none was applied. */
    public static AppliedWaterfall ofDefault(long defaultId) {
        return findById(defaultId);
    }

    /** As published ({@code DefaultWaterfallApplied}) and answered by the REST API. */
    public DefaultWaterfallApplied toEvent() {
        return new DefaultWaterfallApplied(defaultId, memberId, currency, loss, defaulterCollateral,
                defaulterContribution, ccpTranche, survivorContributions, survivorAssessments, uncovered,
                survivors.stream().map(s -> new SurvivorShare(s.memberId, s.fromContribution, s.assessed)).toList(),
                otherCurrencies.stream().map(o -> new OwedAmount(o.currency, o.amount)).toList(),
                entryIds.stream().map(UUID::toString).toList(), appliedBy, appliedAt);
    }

    /** What one surviving member bore: from its contribution, and assessed beyond it. */
    @Embeddable
    public static class Survivor {

        @Column(name = "member_id", nullable = false)
        public String memberId;

        @Column(name = "from_contribution", nullable = false)
        public BigDecimal fromContribution;

        @Column(nullable = false)
        public BigDecimal assessed;

        static Survivor of(String memberId, BigDecimal fromContribution, BigDecimal assessed) {
            Survivor survivor = new Survivor();
            survivor.memberId = memberId;
            survivor.fromContribution = fromContribution;
            survivor.assessed = assessed;
            return survivor;
        }
    }

    /** What the defaulter's accounts still owe in a currency the waterfall does not cover. */
    @Embeddable
    public static class Owed {

        @Column(nullable = false)
        public String currency;

        @Column(nullable = false)
        public BigDecimal amount;

        static Owed of(String currency, BigDecimal amount) {
            Owed owed = new Owed();
            owed.currency = currency;
            owed.amount = amount;
            return owed;
        }
    }
}
