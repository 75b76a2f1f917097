package io.computeclearing.risk.scenario;

import io.computeclearing.platform.bounds.Decimal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

/**
 * A scenario as the risk department writes it (a new one, or a new version of one). HYPOTHETICAL: {@code shocks}
 * and/or {@code fxShock} (relative move of USD/CNY: 0.10 is one dollar buying 10 % more yuan). HISTORICAL:
 * {@code direction} and {@code holdingDays} (default 2), no shocks. {@code active} (default true): false retires it
 * from the daily run. {@link ScenarioRules} checks what annotations cannot.
 */
public record NewScenario(
        @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,39}", message = "must be 2 to 40 of A-Z, 0-9 and -, not starting with -")
        String scenarioId,
        @NotBlank @Size(max = 200) String name,
        @NotNull ScenarioKind kind,
        @Size(max = 200) List<@Valid @NotNull NewShock> shocks,
        @Decimal(integer = 5, fraction = 6) BigDecimal fxShock,
        Direction direction,
        @Min(1) @Max(20) Integer holdingDays,
        Boolean active) {

    public List<NewShock> shocksOrNone() {
        return shocks == null ? List.of() : shocks;
    }
}
