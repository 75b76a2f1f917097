package io.computeclearing.margin.parameters;

import java.time.LocalDate;

/**
 * A new version of a family's risk parameters was recorded (fired in the transaction that recorded it, whether it came
 * over REST or from a SPAN file), so that margin can be recomputed when it takes effect.
 */
public record RiskParametersRevised(String family, int version, LocalDate effectiveFrom) {
}
