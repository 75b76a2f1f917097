package io.computeclearing.risk.stress;

import io.computeclearing.risk.scenario.ShockKind;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A move a scenario applied to a family (or one contract month of it), as recorded with the run. For a historical
 * scenario, the index move observed from {@code observedFrom} to {@code observedTo}; null dates otherwise.
 */
public record AppliedMove(String family, String contractMonth, ShockKind kind, BigDecimal value,
                          LocalDate observedFrom, LocalDate observedTo) {
}
