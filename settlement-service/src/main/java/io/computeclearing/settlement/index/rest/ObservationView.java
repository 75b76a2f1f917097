package io.computeclearing.settlement.index.rest;

import io.computeclearing.settlement.index.IndexObservation;

import java.math.BigDecimal;
import java.time.Instant;

/** A stored panel observation; {@code created} is false when the submission replayed one already stored. */
public record ObservationView(String observationId, String indexId, String provider, String kind, BigDecimal price,
                              BigDecimal volume, Instant observedAt, String submittedBy, Instant submittedAt,
                              boolean created) {

    static ObservationView of(IndexObservation o, boolean created) {
        return new ObservationView(o.clientObservationId, o.indexId, o.provider, o.kind.name(), o.price, o.volume,
                o.observedAt, o.submittedBy, o.submittedAt, created);
    }
}
