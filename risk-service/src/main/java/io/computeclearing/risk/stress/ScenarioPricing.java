package io.computeclearing.risk.stress;

import io.computeclearing.risk.scenario.Scenario;
import io.computeclearing.risk.scenario.ScenarioKind;
import io.computeclearing.risk.scenario.ShockKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Makes a scenario concrete for a run: the shocked price of every instrument. A shock naming the instrument's contract
 * month wins over one for its whole family; an instrument no shock names keeps its settlement price. RELATIVE:
 * {@code price x (1 + move)}; ABSOLUTE: the shock's price. A historical scenario moves each instrument by the worst
 * move of its family's index ({@link HistoricalMove}); a family whose index has too short a history is not moved.
 */
public final class ScenarioPricing {

    private ScenarioPricing() {
    }

    /**
     * @param history the index values up to the run's business date, per index id, ascending
     */
    public static ScenarioPrices price(Scenario scenario, List<StressInstrument> instruments,
                                       Function<String, List<HistoricalMove.Point>> history) {
        BigDecimal[] shocked = new BigDecimal[instruments.size()];
        List<AppliedMove> moves = new ArrayList<>();
        if (scenario.kind() == ScenarioKind.HISTORICAL) {
            Map<String, Optional<HistoricalMove>> byIndex = new TreeMap<>();
            Map<String, AppliedMove> byFamily = new TreeMap<>();
            for (int i = 0; i < shocked.length; i++) {
                StressInstrument instrument = instruments.get(i);
                Optional<HistoricalMove> move = byIndex.computeIfAbsent(instrument.indexId(), index ->
                        HistoricalMove.worst(history.apply(index), scenario.holdingDays(), scenario.direction()));
                shocked[i] = move.map(m -> relative(instrument.settlementPrice(), m.move()))
                        .orElse(instrument.settlementPrice());
                move.ifPresent(m -> byFamily.putIfAbsent(instrument.family(), new AppliedMove(instrument.family(),
                        null, ShockKind.RELATIVE, m.move(), m.from(), m.to())));
            }
            moves.addAll(byFamily.values());
        } else {
            for (int i = 0; i < shocked.length; i++) {
                StressInstrument instrument = instruments.get(i);
                Optional<Scenario.Shock> shock = shockFor(scenario, instrument);
                shocked[i] = shock.map(s -> s.kind() == ShockKind.ABSOLUTE ? s.value()
                        : relative(instrument.settlementPrice(), s.value())).orElse(instrument.settlementPrice());
            }
            scenario.shocks().forEach(s -> moves.add(new AppliedMove(s.family(), s.contractMonth(), s.kind(),
                    s.value(), null, null)));
        }
        BigDecimal fx = scenario.fxShock() == null ? BigDecimal.ZERO : scenario.fxShock();
        return new ScenarioPrices(scenario.scenarioId(), scenario.version(), scenario.name(), scenario.kind(), fx,
                shocked, List.copyOf(moves));
    }

    private static Optional<Scenario.Shock> shockFor(Scenario scenario, StressInstrument instrument) {
        Scenario.Shock family = null;
        for (Scenario.Shock shock : scenario.shocks()) {
            if (shock.family().equals(instrument.family())) {
                if (instrument.contractMonth().equals(shock.contractMonth())) {
                    return Optional.of(shock);
                }
                if (shock.contractMonth() == null) {
                    family = shock;
                }
            }
        }
        return Optional.ofNullable(family);
    }

    private static BigDecimal relative(BigDecimal price, BigDecimal move) {
        return price.multiply(BigDecimal.ONE.add(move));
    }
}
