package io.computeclearing.risk.scenario;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One version of a scenario, as recorded. */
public record Scenario(String scenarioId, int version, String name, ScenarioKind kind, boolean active,
                       List<Shock> shocks, BigDecimal fxShock, Direction direction, Integer holdingDays,
                       String createdBy, Instant createdAt) {

    /** A recorded price shock; {@code contractMonth} null for the whole family. */
    public record Shock(String family, String contractMonth, ShockKind kind, BigDecimal value) {
    }
}
