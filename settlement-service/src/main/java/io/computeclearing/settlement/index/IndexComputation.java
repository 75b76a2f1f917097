package io.computeclearing.settlement.index;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The audit record of one computed index value: the cut-off, the methodology version, every observation considered
 * with its status, the method's exact result and the value published (rounded to the index's scale).
 */
@Entity
@Table(name = "index_computation")
public class IndexComputation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "index_id", nullable = false)
    public String indexId;

    @Column(name = "value_date", nullable = false)
    public LocalDate valueDate;

    /** Observations after this instant are not considered; staleness is measured back from it. */
    @Column(nullable = false)
    public Instant cutoff;

    @Column(name = "methodology_version", nullable = false)
    public int methodologyVersion;

    @Column(nullable = false)
    public String method;

    @Column(name = "unrounded_value", nullable = false)
    public BigDecimal unroundedValue;

    @Column(nullable = false)
    public BigDecimal value;

    /** Distinct providers among the used observations. */
    @Column(nullable = false)
    public int contributors;

    /** The version of the index value this computation published. */
    @Column(name = "value_version", nullable = false)
    public int valueVersion;

    @Column(name = "restatement_reason")
    public String restatementReason;

    @Column(name = "computed_by", nullable = false)
    public String computedBy;

    @Column(name = "computed_at", nullable = false)
    public Instant computedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "index_computation_input", joinColumns = @JoinColumn(name = "computation_id"))
    public List<ComputationInput> inputs = new ArrayList<>();

    /** The latest computation for the date (the one behind the highest computed version). */
    static Optional<IndexComputation> latest(String indexId, LocalDate valueDate) {
        return find("indexId = ?1 and valueDate = ?2 order by valueVersion desc", indexId, valueDate)
                .firstResultOptional();
    }
}
