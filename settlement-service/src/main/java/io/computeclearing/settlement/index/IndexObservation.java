package io.computeclearing.settlement.index;

import io.computeclearing.settlement.index.method.InputKind;
import io.computeclearing.settlement.index.method.PanelObservation;
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
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A panel provider's price for an index, as the back office submitted it: a transaction price or a listed quote, with
 * the volume behind it and when it was observed. Kept unchanged as the audit trail of every computation that used it.
 */
@Entity
@Table(name = "index_observation")
public class IndexObservation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "index_id", nullable = false)
    public String indexId;

    /** The submitter's id for the observation, unique per index: a resubmission is a replay. */
    @Column(name = "client_observation_id", nullable = false)
    public String clientObservationId;

    @Column(nullable = false)
    public String provider;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InputKind kind;

    /** In the index's currency per index unit. */
    @Column(nullable = false)
    public BigDecimal price;

    @Column(nullable = false)
    public BigDecimal volume;

    @Column(name = "observed_at", nullable = false)
    public Instant observedAt;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    public PanelObservation panel() {
        return new PanelObservation(id, provider, kind, price, volume, observedAt);
    }

    static Optional<IndexObservation> byClientId(String indexId, String clientObservationId) {
        return find("indexId = ?1 and clientObservationId = ?2", indexId, clientObservationId).firstResultOptional();
    }

    /** Observations made in (from, to], oldest first. */
    static List<IndexObservation> observedBetween(String indexId, Instant from, Instant to) {
        return list("indexId = ?1 and observedAt > ?2 and observedAt <= ?3 order by observedAt, id", indexId, from, to);
    }
}
