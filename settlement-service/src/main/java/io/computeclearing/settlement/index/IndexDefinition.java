package io.computeclearing.settlement.index;

import io.computeclearing.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A published price index a contract settles against, for example SDH100RT (USD per H100 GPU-hour). It is published
 * once a day at {@code publicationTime} in {@code publicationZone}, with {@code valueScale} decimals.
 */
@Entity
@Table(name = "index_definition")
public class IndexDefinition extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    /** What one unit of the index is, e.g. "USD per GPU-hour (H100, on demand)". */
    @Column(nullable = false)
    public String unit;

    @Column(nullable = false)
    public String currency;

    /** Decimals the index is published with. */
    @Column(name = "value_scale", nullable = false)
    public int valueScale;

    @Column(name = "publication_time", nullable = false)
    public LocalTime publicationTime;

    @Column(name = "publication_zone", nullable = false)
    public String publicationZone;

    /** The methodology statement in words, as published to users of the index. */
    @Column(nullable = false)
    public String description;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The index, or a 404 problem. */
    static IndexDefinition require(String id) {
        IndexDefinition index = findById(id);
        if (index == null) {
            throw ProblemException.notFound("index", id);
        }
        return index;
    }

    /**
     * The index locked for update until the transaction ends, so that publications (and observation submissions) of
     * one index follow one another and a version number or an observation id is never taken twice; or a 404 problem.
     */
    static IndexDefinition lockForPublication(String id) {
        IndexDefinition index = findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (index == null) {
            throw ProblemException.notFound("index", id);
        }
        return index;
    }

    /** The instant of the value date's publication: the default cut-off for a computation. */
    public Instant publicationInstant(LocalDate valueDate) {
        return ZonedDateTime.of(valueDate, publicationTime, ZoneId.of(publicationZone)).toInstant();
    }

    /**
     * The value at the published scale. A value with more decimals than the index publishes is refused rather than
     * rounded: a provider value is recorded as published, never altered.
     */
    BigDecimal atScale(BigDecimal value, String field) {
        try {
            return value.setScale(valueScale, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw ProblemException.invalid(field, "index " + id + " is published with at most " + valueScale
                    + " decimals, got " + value.toPlainString());
        }
    }
}
