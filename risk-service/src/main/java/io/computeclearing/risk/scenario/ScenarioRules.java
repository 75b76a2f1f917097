package io.computeclearing.risk.scenario;

import io.computeclearing.platform.problem.Problem.Violation;
import io.computeclearing.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What makes a scenario meaningful beyond its fields' formats: checked before anything is written, every broken rule
 * named at once (400 {@code /problems/validation}); a family no instrument is listed in is a 422
 * {@code /problems/unknown-family}, since a shock on it would move nothing.
 */
final class ScenarioRules {

    private static final BigDecimal MINUS_ONE = BigDecimal.ONE.negate();

    private ScenarioRules() {
    }

    static void check(NewScenario scenario, Set<String> knownFamilies) {
        List<Violation> violations = new ArrayList<>();
        List<NewShock> shocks = scenario.shocksOrNone();
        if (scenario.kind() == ScenarioKind.HYPOTHETICAL) {
            if (shocks.isEmpty() && scenario.fxShock() == null) {
                violations.add(new Violation("shocks", "a hypothetical scenario needs at least one price shock or an "
                        + "fxShock"));
            }
            if (scenario.direction() != null || scenario.holdingDays() != null) {
                violations.add(new Violation("direction", "direction and holdingDays belong to historical scenarios"));
            }
        } else if (scenario.kind() == ScenarioKind.HISTORICAL) {
            if (!shocks.isEmpty() || scenario.fxShock() != null) {
                violations.add(new Violation("shocks", "a historical scenario derives its moves from index history: "
                        + "no shocks and no fxShock"));
            }
            if (scenario.direction() == null) {
                violations.add(new Violation("direction", "a historical scenario needs DOWN or UP"));
            }
        }
        if (scenario.fxShock() != null && scenario.fxShock().compareTo(MINUS_ONE) <= 0) {
            violations.add(new Violation("fxShock", "a relative move must be above -1 (-100 %)"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < shocks.size(); i++) {
            NewShock shock = shocks.get(i);
            if (shock.kind() == ShockKind.RELATIVE && shock.value() != null
                    && shock.value().compareTo(MINUS_ONE) <= 0) {
                violations.add(new Violation("shocks[" + i + "].value", "a relative move must be above -1 (-100 %): "
                        + "a price cannot fall by all of itself or more"));
            }
            String key = shock.family() + " " + (shock.contractMonth() == null ? "(all months)" : shock.contractMonth());
            if (!seen.add(key)) {
                violations.add(new Violation("shocks[" + i + "]", "a second shock for " + key));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("The scenario was not recorded: " + violations.size()
                    + " field(s) are invalid.", violations);
        }
        List<String> unknown = shocks.stream().map(NewShock::family).filter(f -> !knownFamilies.contains(f))
                .distinct().sorted().toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.refused("unknown-family", "Unknown product family",
                    "no instrument of " + unknown + " is listed; known families: " + knownFamilies.stream().sorted()
                            .toList() + ". Nothing was recorded");
        }
    }
}
