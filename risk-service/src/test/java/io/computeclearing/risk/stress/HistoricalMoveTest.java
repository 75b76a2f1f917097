package io.computeclearing.risk.stress;

import io.computeclearing.risk.scenario.Direction;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HistoricalMoveTest {

    private static final LocalDate D = LocalDate.of(2026, 11, 2);

    @Test
    void theWorstTwoDayMovesWithTheirDates() {
        // Values 100, 110, 88, 99, 121 over five days. Two-day windows: 88/100 - 1 = -0.12, 99/110 - 1 = -0.1,
        // 121/88 - 1 = 0.375. Worst down -0.12 (day 0 to day 2), worst up +0.375 (day 2 to day 4).
        List<HistoricalMove.Point> history = List.of(point(0, "100"), point(1, "110"), point(2, "88"),
                point(3, "99"), point(4, "121"));
        HistoricalMove down = HistoricalMove.worst(history, 2, Direction.DOWN).orElseThrow();
        assertThat(down.move()).isEqualByComparingTo("-0.12");
        assertThat(down.from()).isEqualTo(D);
        assertThat(down.to()).isEqualTo(D.plusDays(2));
        HistoricalMove up = HistoricalMove.worst(history, 2, Direction.UP).orElseThrow();
        assertThat(up.move()).isEqualByComparingTo("0.375");
        assertThat(up.from()).isEqualTo(D.plusDays(2));
    }

    @Test
    void tooShortAHistoryHasNoMoveAndMovesAreRoundedToAMillionth() {
        assertThat(HistoricalMove.worst(List.of(point(0, "1"), point(1, "2")), 2, Direction.DOWN)).isEmpty();
        // 2 / 3 - 1 = -0.333333...: -0.333333 at six decimals.
        assertThat(HistoricalMove.worst(List.of(point(0, "3"), point(1, "3"), point(2, "2")), 2, Direction.DOWN)
                .orElseThrow().move()).isEqualTo(new BigDecimal("-0.333333"));
    }

    private static HistoricalMove.Point point(int day, String value) {
        return new HistoricalMove.Point(D.plusDays(day), new BigDecimal(value));
    }
}
