package io.computeclearing.settlement.index.rest;

import io.computeclearing.settlement.index.PublishedIndexValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A published index value with its audit trail: who recorded it, when, which version, and why it was restated. */
public record IndexValueView(String indexId, LocalDate valueDate, BigDecimal value, String currency, int version,
                             String source, String methodology, Long computationId, String restatementReason,
                             String recordedBy, Instant publishedAt) {

    static IndexValueView of(PublishedIndexValue row) {
        return new IndexValueView(row.indexId, row.valueDate, row.value, row.currency, row.version, row.source.name(),
                row.methodology, row.computationId, row.restatementReason, row.recordedBy, row.publishedAt);
    }
}
