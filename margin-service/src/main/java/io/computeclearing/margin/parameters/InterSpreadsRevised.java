package io.computeclearing.margin.parameters;

import java.time.LocalDate;

/**
 * A new version of the inter-commodity spreads was recorded (fired in the transaction that recorded it, over REST or
 * from a SPAN file), so that margin can be recomputed when it takes effect.
 */
public record InterSpreadsRevised(int version, LocalDate effectiveFrom) {
}
