package io.computeclearing.settlement.index.method;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Decides which observations a computation uses, in this order (IOSCO: input hierarchy, data sufficiency, outliers):
 * <ol>
 *   <li>stale: observed before {@code cutoff - staleness} (an observation exactly at that instant is still fresh);</li>
 *   <li>hierarchy: if at least {@code minContributors} distinct providers contributed fresh TRANSACTION prices, only
 *       transactions are used and every listing is lower in the hierarchy; otherwise transactions and listings are
 *       used together;</li>
 *   <li>outliers among the remaining prices, by {@link MedianAbsoluteDeviation};</li>
 *   <li>the distinct providers of the used observations are the contributors, sufficient when at least
 *       {@code minContributors}.</li>
 * </ol>
 * The caller passes only observations at or before the cut-off.
 */
public record PanelSelection(Map<PanelObservation, InputStatus> statuses, int contributors, int required) {

    public static PanelSelection select(List<PanelObservation> observations, Instant cutoff, SelectionRules rules) {
        Map<PanelObservation, InputStatus> statuses = new LinkedHashMap<>();
        Instant freshFrom = cutoff.minus(rules.staleness());
        for (PanelObservation observation : observations) {
            statuses.put(observation, observation.observedAt().isBefore(freshFrom)
                    ? InputStatus.EXCLUDED_STALE : InputStatus.USED);
        }
        long transactionProviders = providers(statuses, o -> o.kind() == InputKind.TRANSACTION);
        if (transactionProviders >= rules.minContributors()) {
            statuses.replaceAll((o, status) -> status == InputStatus.USED && o.kind() == InputKind.LISTING
                    ? InputStatus.EXCLUDED_LOWER_IN_HIERARCHY : status);
        }
        List<PanelObservation> candidates = used(statuses);
        if (!candidates.isEmpty()) {
            MedianAbsoluteDeviation mad = MedianAbsoluteDeviation.of(
                    candidates.stream().map(PanelObservation::price).toList());
            for (PanelObservation candidate : candidates) {
                if (mad.isOutlier(candidate.price(), rules.outlierMadMultiple())) {
                    statuses.put(candidate, InputStatus.EXCLUDED_OUTLIER);
                }
            }
        }
        return new PanelSelection(statuses, (int) providers(statuses, o -> true), rules.minContributors());
    }

    public boolean sufficient() {
        return contributors >= required;
    }

    /** The observations used, in the order given. */
    public List<PanelObservation> used() {
        return used(statuses);
    }

    private static List<PanelObservation> used(Map<PanelObservation, InputStatus> statuses) {
        return statuses.entrySet().stream().filter(e -> e.getValue() == InputStatus.USED).map(Map.Entry::getKey)
                .toList();
    }

    private static long providers(Map<PanelObservation, InputStatus> statuses, Predicate<PanelObservation> which) {
        return used(statuses).stream().filter(which).map(PanelObservation::provider).distinct().count();
    }
}
