package io.computeclearing.settlement.index.rest;

import io.computeclearing.settlement.index.IndexMethodology;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A methodology version as published. {@code stalenessLimit} is an ISO-8601 duration; the input hierarchy (transactions
 * before listings) and the outlier rule (k median absolute deviations) are fixed in form, parameterised here.
 */
public record MethodologyView(String indexId, int version, String label, String method, BigDecimal trimFraction,
                              int minContributors, String stalenessLimit, BigDecimal outlierMadMultiple,
                              String inputHierarchy, String changeReason, String createdBy, Instant createdAt) {

    static MethodologyView of(IndexMethodology m) {
        return new MethodologyView(m.indexId, m.version, m.label(), m.method.name(), m.trimFraction,
                m.minContributors, m.staleness().toString(), m.outlierMadMultiple, "TRANSACTION_BEFORE_LISTING",
                m.changeReason, m.createdBy, m.createdAt);
    }
}
