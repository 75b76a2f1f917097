package io.computeclearing.settlement.index.method;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which observations a computation uses: staleness, then the input hierarchy, then outliers, then sufficiency. */
class PanelSelectionTest {

    private static final Instant CUTOFF = Instant.parse("2026-11-30T21:00:00Z");
    private static final SelectionRules RULES = new SelectionRules(3, Duration.ofHours(24), new BigDecimal("5"));

    @Test
    void anObservationOlderThanTheLimitIsStaleAndOneExactlyAtTheLimitIsFresh() {
        PanelObservation atLimit = transaction(1, "A", "2.50", CUTOFF.minus(Duration.ofHours(24)));
        PanelObservation stale = transaction(2, "B", "2.50", CUTOFF.minus(Duration.ofHours(24)).minusSeconds(1));
        PanelObservation fresh = transaction(3, "C", "2.50", CUTOFF);

        PanelSelection selection = PanelSelection.select(List.of(atLimit, stale, fresh), CUTOFF, RULES);

        assertThat(selection.statuses()).containsEntry(atLimit, InputStatus.USED)
                .containsEntry(stale, InputStatus.EXCLUDED_STALE)
                .containsEntry(fresh, InputStatus.USED);
        assertThat(selection.contributors()).isEqualTo(2);
        assertThat(selection.sufficient()).isFalse();
    }

    @Test
    void enoughTransactionProvidersPushListingsDownTheHierarchy() {
        List<PanelObservation> panel = List.of(transaction(1, "A", "2.40", CUTOFF),
                transaction(2, "B", "2.50", CUTOFF), transaction(3, "C", "2.60", CUTOFF),
                listing(4, "D", "2.55"));

        PanelSelection selection = PanelSelection.select(panel, CUTOFF, RULES);

        assertThat(selection.statuses().get(panel.get(3))).isEqualTo(InputStatus.EXCLUDED_LOWER_IN_HIERARCHY);
        assertThat(selection.used()).hasSize(3);
    }

    @Test
    void tooFewTransactionProvidersBringListingsIn() {
        // two providers transacted (A twice): fewer than 3, so listings are used with them
        List<PanelObservation> panel = List.of(transaction(1, "A", "2.40", CUTOFF),
                transaction(2, "A", "2.45", CUTOFF), transaction(3, "B", "2.50", CUTOFF), listing(4, "C", "2.60"));

        PanelSelection selection = PanelSelection.select(panel, CUTOFF, RULES);

        assertThat(selection.used()).hasSize(4);
        assertThat(selection.contributors()).isEqualTo(3);
        assertThat(selection.sufficient()).isTrue();
    }

    @Test
    void aPriceFurtherThanFiveMedianAbsoluteDeviationsIsAnOutlier() {
        // prices 2.40, 2.50, 2.60, 9.00: median (2.50 + 2.60) / 2 = 2.55; deviations 0.15, 0.05, 0.05, 6.45;
        // MAD = (0.05 + 0.15) / 2 = 0.10; limit 5 x 0.10 = 0.50: only 9.00 (6.45 away) is out
        List<PanelObservation> panel = List.of(transaction(1, "A", "2.40", CUTOFF),
                transaction(2, "B", "2.50", CUTOFF), transaction(3, "C", "2.60", CUTOFF),
                transaction(4, "D", "9.00", CUTOFF));

        PanelSelection selection = PanelSelection.select(panel, CUTOFF, RULES);

        assertThat(selection.statuses().values()).containsExactly(InputStatus.USED, InputStatus.USED,
                InputStatus.USED, InputStatus.EXCLUDED_OUTLIER);
        assertThat(selection.contributors()).isEqualTo(3);
    }

    @Test
    void withZeroDeviationNothingIsAnOutlier() {
        // 2.50, 2.50, 2.50, 3.00: median 2.50, deviations 0, 0, 0, 0.50 -> MAD 0: no scale, nothing excluded
        List<PanelObservation> panel = List.of(transaction(1, "A", "2.50", CUTOFF),
                transaction(2, "B", "2.50", CUTOFF), transaction(3, "C", "2.50", CUTOFF),
                transaction(4, "D", "3.00", CUTOFF));

        assertThat(PanelSelection.select(panel, CUTOFF, RULES).used()).hasSize(4);
    }

    private static PanelObservation transaction(long id, String provider, String price, Instant at) {
        return new PanelObservation(id, provider, InputKind.TRANSACTION, new BigDecimal(price), BigDecimal.TEN, at);
    }

    private static PanelObservation listing(long id, String provider, String price) {
        return new PanelObservation(id, provider, InputKind.LISTING, new BigDecimal(price), BigDecimal.TEN, CUTOFF);
    }
}
