package io.computeclearing.settlement.index;

import io.computeclearing.settlement.index.method.IndexMethod;
import io.computeclearing.settlement.index.method.SelectionRules;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One version of an index's methodology: how panel observations become the index value. Never changed once written;
 * the highest version is in force, and each computed value records the version it used.
 */
@Entity
@Table(name = "index_methodology")
public class IndexMethodology extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "index_id", nullable = false)
    public String indexId;

    @Column(nullable = false)
    public int version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IndexMethod method;

    /** Fraction of total volume trimmed from each tail ({@link IndexMethod#TRIMMED_MEAN} only). */
    @Column(name = "trim_fraction", nullable = false)
    public BigDecimal trimFraction;

    /** Fewest distinct providers among the used observations for a value to be computed. */
    @Column(name = "min_contributors", nullable = false)
    public int minContributors;

    /** Observations older than this at the cut-off are stale. */
    @Column(name = "staleness_seconds", nullable = false)
    public long stalenessSeconds;

    /** k in the outlier rule: excluded when further than k median absolute deviations from the median. */
    @Column(name = "outlier_mad_multiple", nullable = false)
    public BigDecimal outlierMadMultiple;

    @Column(name = "change_reason", nullable = false)
    public String changeReason;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** How computed values name it, e.g. {@code VOLUME_WEIGHTED_MEDIAN v1}. */
    public String label() {
        return method.name() + " v" + version;
    }

    public Duration staleness() {
        return Duration.ofSeconds(stalenessSeconds);
    }

    public SelectionRules rules() {
        return new SelectionRules(minContributors, staleness(), outlierMadMultiple);
    }

    static Optional<IndexMethodology> inForce(String indexId) {
        return find("indexId = ?1 order by version desc", indexId).firstResultOptional();
    }

    static Optional<IndexMethodology> version(String indexId, int version) {
        return find("indexId = ?1 and version = ?2", indexId, version).firstResultOptional();
    }

    static List<IndexMethodology> history(String indexId) {
        return list("indexId = ?1 order by version", indexId);
    }
}
