package io.computeclearing.settlement.index;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One version of an index value for a date, as published: never changed afterwards. A restatement adds the next
 * version with its reason; the highest version of a date is the value in force. Audited with who recorded it and when.
 */
@Entity
@Table(name = "index_value")
public class PublishedIndexValue extends PanacheEntityBase {

    private static final String IN_FORCE = """
            from PublishedIndexValue p
            where p.indexId = :indexId and p.valueDate between :from and :to and p.version = (
                select max(v.version) from PublishedIndexValue v
                where v.indexId = p.indexId and v.valueDate = p.valueDate)
            order by p.valueDate""";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "index_id", nullable = false)
    public String indexId;

    @Column(name = "value_date", nullable = false)
    public LocalDate valueDate;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public BigDecimal value;

    @Column(nullable = false)
    public String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ValueSource source;

    /** For computed values, the methodology used, e.g. {@code VOLUME_WEIGHTED_MEDIAN v1}; null for provider values. */
    public String methodology;

    @Column(name = "computation_id")
    public Long computationId;

    @Column(name = "restatement_reason")
    public String restatementReason;

    /** The token subject of whoever recorded or computed the value. */
    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    /** The highest version for the date, if any. */
    static Optional<PublishedIndexValue> inForce(String indexId, LocalDate date) {
        return find("indexId = ?1 and valueDate = ?2 order by version desc", indexId, date)
                .<PublishedIndexValue>firstResultOptional();
    }

    /** The highest version of each date in [from, to], by date. */
    static List<PublishedIndexValue> inForceBetween(String indexId, LocalDate from, LocalDate to) {
        return list(IN_FORCE,
                Parameters.with("indexId", indexId).and("from", from).and("to", to));
    }

    /** Every version of each date in [from, to], by date then version. */
    static List<PublishedIndexValue> allVersionsBetween(String indexId, LocalDate from, LocalDate to) {
        return list("indexId = ?1 and valueDate between ?2 and ?3 order by valueDate, version", indexId, from, to);
    }
}
