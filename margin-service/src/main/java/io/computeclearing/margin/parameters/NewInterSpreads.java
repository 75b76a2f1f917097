package io.computeclearing.margin.parameters;

import java.time.LocalDate;
import java.util.List;

/**
 * A new version of the whole set of inter-commodity spreads, effective from {@code effectiveFrom} (today if absent).
 * An empty list is a version without any credit. {@code method} is {@code DELTA_WEIGHTED_PRICE_RISK} (CME's standard,
 * the default), the one a SPAN file can carry.
 */
public record NewInterSpreads(LocalDate effectiveFrom, String method, List<InterSpreadDefinition> spreads) {
}
