package io.computeclearing.settlement.index;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One published value of an index for a date: {@code value} in {@code currency} per index unit, at the index's
 * published scale. {@code version} starts at 1 and rises with each restatement; {@code source} is {@code PROVIDER}
 * (recorded from the index provider) or {@code COMPUTED} (computed here from panel observations).
 */
public record IndexValue(String indexId, LocalDate valueDate, BigDecimal value, String currency, int version,
                         String source, Instant publishedAt) {

    static IndexValue of(PublishedIndexValue row) {
        return new IndexValue(row.indexId, row.valueDate, row.value, row.currency, row.version, row.source.name(),
                row.publishedAt);
    }
}
