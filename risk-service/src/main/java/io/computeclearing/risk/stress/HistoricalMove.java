package io.computeclearing.risk.stress;

import io.computeclearing.risk.scenario.Direction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The worst move of an index over a holding period in its history: over every window of {@code holdingDays} business
 * days ({@code holdingDays + 1} consecutive values), the relative move {@code end / start - 1}, and the largest fall
 * (DOWN) or rise (UP) with the dates it happened. Moves are rounded to {@link #SCALE} decimals, half even (a millionth,
 * 0.0001 %: far below any price tick, and it keeps shocked prices short enough for the engine's exact long path).
 * A window starting at a value of zero or below has no relative move and is passed over.
 */
public record HistoricalMove(BigDecimal move, LocalDate from, LocalDate to) {

    public static final int SCALE = 6;

    /** One index value of the history. */
    public record Point(LocalDate date, BigDecimal value) {
    }

    /** The worst move in {@code history} (ascending dates); empty if no window has a move. */
    public static Optional<HistoricalMove> worst(List<Point> history, int holdingDays, Direction direction) {
        HistoricalMove worst = null;
        for (int i = 0; i + holdingDays < history.size(); i++) {
            Point start = history.get(i);
            Point end = history.get(i + holdingDays);
            if (start.value().signum() <= 0) {
                continue;
            }
            BigDecimal move = end.value().divide(start.value(), SCALE + 4, RoundingMode.HALF_EVEN)
                    .subtract(BigDecimal.ONE).setScale(SCALE, RoundingMode.HALF_EVEN);
            boolean worse = worst == null || (direction == Direction.DOWN
                    ? move.compareTo(worst.move()) < 0 : move.compareTo(worst.move()) > 0);
            if (worse) {
                worst = new HistoricalMove(move, start.date(), end.date());
            }
        }
        return Optional.ofNullable(worst);
    }
}
