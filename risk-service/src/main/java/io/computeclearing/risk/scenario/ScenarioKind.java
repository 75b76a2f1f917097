package io.computeclearing.risk.scenario;

/**
 * HYPOTHETICAL: price shocks the risk department writes down. HISTORICAL: per family, the worst move of its index over
 * the holding period in the recorded history, derived afresh at every run.
 */
public enum ScenarioKind {
    HYPOTHETICAL, HISTORICAL
}
