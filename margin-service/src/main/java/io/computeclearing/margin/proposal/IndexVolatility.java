package io.computeclearing.margin.proposal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The volatility of an index from its daily values, in {@code BigDecimal} with 34 significant digits
 * ({@link MathContext#DECIMAL128}), square roots included; no rounding until the proposal rounds its results.
 * <p>
 * Daily change {@code r_i = (v_i - v_(i-1)) / v_(i-1)} between consecutive values. Daily volatility is the zero-mean
 * root mean square over the window, {@code sigma = sqrt(sum r_i^2 / n)}: the RiskMetrics convention for daily returns,
 * whose mean is negligible against their dispersion and poorly estimated from a short window (a simple moving
 * window, every change weighted equally, not EWMA). The variability of the volatility is the sample standard deviation
 * (denominator {@code k - 1}) of the rolling volatilities over every {@code m} consecutive changes.
 */
public final class IndexVolatility {

    static final MathContext MC = MathContext.DECIMAL128;

    private final List<BigDecimal> changes;
    private final List<BigDecimal> moves;

    private IndexVolatility(List<BigDecimal> changes, List<BigDecimal> moves) {
        this.changes = changes;
        this.moves = moves;
    }

    /** From the values oldest first; none may be zero (a relative change from zero is undefined). */
    public static IndexVolatility of(List<BigDecimal> values) {
        if (values.size() < 2) {
            throw new IllegalArgumentException("a daily change needs two values, got " + values.size());
        }
        List<BigDecimal> changes = new ArrayList<>();
        List<BigDecimal> moves = new ArrayList<>();
        for (int i = 1; i < values.size(); i++) {
            BigDecimal previous = values.get(i - 1);
            if (previous.signum() == 0) {
                throw new IllegalArgumentException("an index value of zero has no relative change");
            }
            BigDecimal move = values.get(i).subtract(previous);
            moves.add(move);
            changes.add(move.divide(previous, MC));
        }
        return new IndexVolatility(List.copyOf(changes), List.copyOf(moves));
    }

    /** The daily changes, oldest first. */
    public List<BigDecimal> changes() {
        return changes;
    }

    /** {@code sqrt(sum r_i^2 / n)} over every change. */
    public BigDecimal dailyVolatility() {
        return rootMeanSquare(changes);
    }

    /**
     * {@code sqrt(sum (v_i - v_(i-1))^2 / n)}: the daily volatility in index units rather than relative to the level,
     * the size of a day's move whatever the price (what the scan range's floor is measured from).
     */
    public BigDecimal dailyMoveVolatility() {
        return rootMeanSquare(moves);
    }

    /**
     * The sample standard deviation of the volatilities of every {@code m} consecutive changes ({@code n - m + 1} of
     * them); zero when there is only one.
     */
    public BigDecimal volatilityOfVolatility(int m) {
        if (m < 1 || m > changes.size()) {
            throw new IllegalArgumentException("rolling window " + m + " outside 1.." + changes.size());
        }
        List<BigDecimal> rolling = new ArrayList<>();
        for (int end = m; end <= changes.size(); end++) {
            rolling.add(rootMeanSquare(changes.subList(end - m, end)));
        }
        if (rolling.size() < 2) {
            return BigDecimal.ZERO;
        }
        BigDecimal mean = rolling.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(rolling.size()), MC);
        BigDecimal squares = rolling.stream().map(s -> s.subtract(mean).pow(2, MC))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return squares.divide(BigDecimal.valueOf(rolling.size() - 1L), MC).sqrt(MC);
    }

    private static BigDecimal rootMeanSquare(List<BigDecimal> values) {
        BigDecimal squares = values.stream().map(r -> r.pow(2, MC)).reduce(BigDecimal.ZERO, BigDecimal::add);
        return squares.divide(BigDecimal.valueOf(values.size()), MC).sqrt(MC);
    }
}
