package io.computeclearing.margin.parameters;

import java.math.BigDecimal;
import java.util.List;

/**
 * An inter-commodity spread between product families: opposite positions in related markets (two GPU types, or
 * GPU-hours against tokens) risk less than their separate scans say, so part of each leg's price risk is credited.
 * Spreads are formed in priority order (lowest first), each consuming the deltas it uses.
 *
 * @param priority   processing order, 1 first; unique within a set
 * @param creditRate the share of each leg's weighted price risk credited, within [0, 1]
 * @param legs       two or more legs on both sides, each family once
 */
public record InterSpreadDefinition(Integer priority, BigDecimal creditRate, List<InterSpreadLeg> legs) {
}
