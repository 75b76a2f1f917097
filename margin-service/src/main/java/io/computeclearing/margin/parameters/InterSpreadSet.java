package io.computeclearing.margin.parameters;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One version of the inter-commodity spreads, as stored and as REST shows it.
 *
 * @param version       1, 2, ... in the order recorded
 * @param effectiveFrom the first business date it is in force
 * @param method        how credits are computed: {@code DELTA_WEIGHTED_PRICE_RISK}
 * @param createdBy     who recorded it
 * @param createdAt     when
 * @param spreads       the spreads in priority order
 */
public record InterSpreadSet(int version, LocalDate effectiveFrom, String method, String createdBy,
                             Instant createdAt, List<InterSpreadDefinition> spreads) {

    /** The families named in any leg. */
    public Set<String> families() {
        Set<String> families = new TreeSet<>();
        spreads.forEach(s -> s.legs().forEach(l -> families.add(l.family())));
        return families;
    }
}
