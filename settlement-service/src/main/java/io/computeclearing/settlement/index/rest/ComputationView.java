package io.computeclearing.settlement.index.rest;

import io.computeclearing.settlement.index.ComputationInput;
import io.computeclearing.settlement.index.IndexComputation;
import io.computeclearing.settlement.index.IndexComputations;
import io.computeclearing.settlement.index.IndexObservation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A computation's audit trail: the methodology used, the exact and the published (rounded) value, and every input
 * considered with whether it was used or why it was excluded.
 */
public record ComputationView(String indexId, LocalDate valueDate, Instant cutoff, String methodology,
                              BigDecimal unroundedValue, BigDecimal value, String rounding, int contributors,
                              int valueVersion, String restatementReason, String computedBy, Instant computedAt,
                              List<Input> inputs) {

    /** One observation considered, with its status: USED or the reason it was excluded. */
    public record Input(String observationId, String provider, String kind, BigDecimal price, BigDecimal volume,
                        Instant observedAt, String status) {
    }

    static ComputationView of(IndexComputation c) {
        Map<Long, IndexObservation> observations = IndexObservation.<IndexObservation>list("id in ?1",
                        c.inputs.stream().map(i -> i.observationId).toList())
                .stream().collect(Collectors.toMap(o -> o.id, Function.identity()));
        List<Input> inputs = c.inputs.stream().map(i -> input(observations.get(i.observationId), i)).toList();
        return new ComputationView(c.indexId, c.valueDate, c.cutoff, c.method + " v" + c.methodologyVersion,
                c.unroundedValue, c.value, IndexComputations.ROUNDING.name() + " to " + c.value.scale() + " decimals",
                c.contributors, c.valueVersion, c.restatementReason, c.computedBy, c.computedAt, inputs);
    }

    private static Input input(IndexObservation o, ComputationInput input) {
        return new Input(o.clientObservationId, o.provider, o.kind.name(), o.price, o.volume, o.observedAt,
                input.status.name());
    }
}
