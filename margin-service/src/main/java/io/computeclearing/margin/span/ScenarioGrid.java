package io.computeclearing.margin.span;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The SPAN scenario grid: 16 what-if moves of the underlying futures price and its volatility over the look-ahead
 * period (one day).
 * <p>
 * Scenarios 1-14 are seven price moves (0, +-1/3, +-2/3, +-1 times the price scan range), each with volatility up and
 * down by the volatility scan range. Scenarios 15 and 16 are the extreme moves, {@code +-extremeMultiple x range}
 * with volatility unchanged, of which only {@code coverFraction} of the loss counts (a tail the CCP covers partly).
 * CME uses 3 x with 33% cover, NSE 2 x with 35%, Takasbank and KDPW 3 x with 32%.
 */
public final class ScenarioGrid {

    /** Scenario count of a standard SPAN grid. */
    public static final int SIZE = 16;

    private static final BigDecimal THIRD = BigDecimal.ONE.divide(BigDecimal.valueOf(3), MathContext.DECIMAL128);

    /**
     * One scenario.
     *
     * @param number            1-based scenario number as published (1..16)
     * @param priceMoveFraction the move of the underlying price as a fraction of the price scan range
     * @param volatilityMove    +1 (up by the volatility scan range), -1 (down) or 0
     * @param weight            the fraction of the loss that counts (1 except for the extreme moves)
     */
    public record Scenario(int number, BigDecimal priceMoveFraction, int volatilityMove, BigDecimal weight) {
        public Scenario {
            Objects.requireNonNull(priceMoveFraction, "priceMoveFraction");
            Objects.requireNonNull(weight, "weight");
            if (volatilityMove < -1 || volatilityMove > 1) {
                throw new IllegalArgumentException("volatility move must be -1, 0 or +1, was " + volatilityMove);
            }
        }
    }

    private final BigDecimal extremeMultiple;
    private final BigDecimal coverFraction;
    private final List<Scenario> scenarios;

    private ScenarioGrid(BigDecimal extremeMultiple, BigDecimal coverFraction) {
        this.extremeMultiple = extremeMultiple;
        this.coverFraction = coverFraction;
        List<Scenario> list = new ArrayList<>(SIZE);
        BigDecimal[] moves = {BigDecimal.ZERO, THIRD, THIRD.negate(), THIRD.multiply(BigDecimal.TWO),
                THIRD.multiply(BigDecimal.TWO).negate(), BigDecimal.ONE, BigDecimal.ONE.negate()};
        int n = 1;
        for (BigDecimal move : moves) {
            list.add(new Scenario(n++, move, +1, BigDecimal.ONE));
            list.add(new Scenario(n++, move, -1, BigDecimal.ONE));
        }
        list.add(new Scenario(15, extremeMultiple, 0, coverFraction));
        list.add(new Scenario(16, extremeMultiple.negate(), 0, coverFraction));
        this.scenarios = List.copyOf(list);
    }

    /**
     * A grid with the given extreme move.
     *
     * @param extremeMultiple the extreme price move in price scan ranges, e.g. 3
     * @param coverFraction   the fraction of the extreme loss that counts, e.g. 0.33
     */
    public static ScenarioGrid of(BigDecimal extremeMultiple, BigDecimal coverFraction) {
        Objects.requireNonNull(extremeMultiple, "extremeMultiple");
        Objects.requireNonNull(coverFraction, "coverFraction");
        if (extremeMultiple.signum() <= 0) {
            throw new IllegalArgumentException("extreme multiple must be positive, was " + extremeMultiple);
        }
        if (coverFraction.signum() < 0 || coverFraction.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("cover fraction must be within [0, 1], was " + coverFraction);
        }
        return new ScenarioGrid(extremeMultiple, coverFraction);
    }

    /** CME's grid: extreme move 3 x the price scan range, 33% cover. */
    public static ScenarioGrid cme() {
        return of(BigDecimal.valueOf(3), new BigDecimal("0.33"));
    }

    public BigDecimal extremeMultiple() {
        return extremeMultiple;
    }

    public BigDecimal coverFraction() {
        return coverFraction;
    }

    /** The 16 scenarios in published order. */
    public List<Scenario> scenarios() {
        return scenarios;
    }

    /** Scenario by 1-based number. */
    public Scenario scenario(int number) {
        if (number < 1 || number > SIZE) {
            throw new IllegalArgumentException("scenario number must be 1..16, was " + number);
        }
        return scenarios.get(number - 1);
    }

    /**
     * The scenario with the same price move and the opposite volatility move, used for volatility risk: 1 pairs with
     * 2, 3 with 4, ..., 13 with 14; the extreme scenarios 15 and 16 pair with themselves.
     */
    public static int pairOf(int number) {
        if (number < 1 || number > SIZE) {
            throw new IllegalArgumentException("scenario number must be 1..16, was " + number);
        }
        if (number >= 15) {
            return number;
        }
        return number % 2 == 1 ? number + 1 : number - 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScenarioGrid g && extremeMultiple.compareTo(g.extremeMultiple) == 0
                && coverFraction.compareTo(g.coverFraction) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(extremeMultiple.stripTrailingZeros(), coverFraction.stripTrailingZeros());
    }

    @Override
    public String toString() {
        return "ScenarioGrid[extreme " + extremeMultiple + " x, cover " + coverFraction + "]";
    }
}
