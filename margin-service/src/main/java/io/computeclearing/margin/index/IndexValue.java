package io.computeclearing.margin.index;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The value of an index (e.g. the H100 GPU-hour price index) for one date, in its currency per unit, as
 * settlement-service last published it: a restatement (higher version) replaces the value.
 */
@Entity
@Table(name = "index_value")
@IdClass(IndexValue.Key.class)
public class IndexValue extends PanacheEntityBase {

    /** Primary key: index and value date. */
    public record Key(String indexId, LocalDate valueDate) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "index_id")
    public String indexId;

    @Id
    @Column(name = "value_date")
    public LocalDate valueDate;

    @Column(nullable = false)
    public BigDecimal value;

    @Column(nullable = false)
    public String currency;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String source;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    /** The index's last {@code count} values, oldest first. */
    public static List<IndexValue> latest(String indexId, int count) {
        List<IndexValue> newestFirst = IndexValue.<IndexValue>find("indexId = ?1 order by valueDate desc", indexId)
                .page(0, count).list();
        return newestFirst.reversed();
    }
}
