package io.computeclearing.settlement.index.method;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The data-sufficiency and quality rules of a methodology: at least {@code minContributors} distinct providers among
 * the used observations; observations older than {@code staleness} at the cut-off excluded; outliers beyond
 * {@code outlierMadMultiple} median absolute deviations excluded.
 */
public record SelectionRules(int minContributors, Duration staleness, BigDecimal outlierMadMultiple) {
}
