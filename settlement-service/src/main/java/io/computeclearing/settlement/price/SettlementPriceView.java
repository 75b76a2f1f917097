package io.computeclearing.settlement.price;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A daily settlement price in force: {@code price} in {@code currency} per unit, at the tick's scale. {@code source}
 * is {@code PUBLISHED} (set by the back office) or {@code DERIVED} (from the underlying index value of the date,
 * {@code indexId} / {@code indexValue} / {@code indexVersion}, rounded to the tick).
 */
public record SettlementPriceView(String instrumentId, LocalDate businessDate, BigDecimal price, String currency,
                                  int version, String source, String indexId, BigDecimal indexValue,
                                  Integer indexVersion, String publishedBy, Instant publishedAt) {
}
