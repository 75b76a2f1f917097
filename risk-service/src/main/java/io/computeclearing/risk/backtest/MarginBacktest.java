package io.computeclearing.risk.backtest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Backtests a portfolio's margin over a rolling window: the latest {@code window} days with an observation (250 by
 * default, a year of business days), at the margin's confidence level (99 % for exchange-traded futures). A day is an
 * exceedance when the realised loss is strictly larger than the margin held.
 *
 * @param window     the days in the rolling window, at least one
 * @param confidence the coverage the margin is meant to have, strictly between 0 and 1
 */
public record MarginBacktest(int window, double confidence) {

    public static final int DEFAULT_WINDOW = 250;
    public static final double DEFAULT_CONFIDENCE = 0.99;

    public MarginBacktest {
        if (window < 1) {
            throw new IllegalArgumentException("the backtesting window needs at least one day: " + window);
        }
        Coverage.check(0, 0, confidence);
    }

    /** 250 days at 99 %. */
    public static MarginBacktest standard() {
        return new MarginBacktest(DEFAULT_WINDOW, DEFAULT_CONFIDENCE);
    }

    /**
     * The backtest over the latest {@code window} of {@code observations} (any order, one per day). No observation
     * gives an empty window: no exceedance, coverage 1, p-value 1, green.
     */
    public BacktestResult evaluate(Currency currency, List<BacktestObservation> observations) {
        Objects.requireNonNull(currency, "currency");
        List<BacktestObservation> days = latest(observations);
        List<LocalDate> exceeded = new ArrayList<>();
        BigDecimal largestExcess = BigDecimal.ZERO;
        for (BacktestObservation day : days) {
            if (day.exceedance()) {
                exceeded.add(day.businessDate());
                largestExcess = largestExcess.max(day.excess());
            }
        }
        int t = days.size();
        int x = exceeded.size();
        return new BacktestResult(currency,
                days.isEmpty() ? Optional.empty() : Optional.of(days.getFirst().businessDate()),
                days.isEmpty() ? Optional.empty() : Optional.of(days.getLast().businessDate()),
                t, x, exceeded, confidence, t * (1.0 - confidence), t == 0 ? 1.0 : 1.0 - (double) x / t,
                largestExcess, KupiecTest.of(x, t, confidence), TrafficLight.of(x, t, confidence));
    }

    private List<BacktestObservation> latest(List<BacktestObservation> observations) {
        Set<LocalDate> seen = new HashSet<>();
        for (BacktestObservation observation : observations) {
            Objects.requireNonNull(observation, "observation");
            if (!seen.add(observation.businessDate())) {
                throw new IllegalArgumentException("two observations for " + observation.businessDate());
            }
        }
        List<BacktestObservation> sorted = observations.stream()
                .sorted(Comparator.comparing(BacktestObservation::businessDate)).toList();
        return sorted.subList(Math.max(0, sorted.size() - window), sorted.size());
    }
}
