package io.computeclearing.risk.stress;

import io.computeclearing.risk.scenario.ScenarioKind;

import java.math.BigDecimal;
import java.util.List;

/**
 * A scenario made concrete for one run: the shocked price of every instrument of the run (same order as its
 * instrument list; unshocked instruments keep their settlement price), the relative move of USD/CNY (zero for none)
 * and the moves it applied.
 */
public record ScenarioPrices(String scenarioId, int version, String name, ScenarioKind kind, BigDecimal fxShock,
                             BigDecimal[] shockedPrices, List<AppliedMove> moves) {
}
