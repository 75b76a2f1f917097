package io.computeclearing.risk.stress;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a stress run found: every account's exact loss per scenario and currency, and per scenario the covers. The
 * run's Cover-1 and Cover-2 are the largest over the scenarios (on a tie, the first scenario in the run's order).
 */
public final class StressResult {

    private final List<String> currencies;
    private final int[] scales;
    private final ExactCells accountLoss;
    private final List<ScenarioCover> covers;

    StressResult(List<String> currencies, int[] scales, ExactCells accountLoss, List<ScenarioCover> covers) {
        this.currencies = currencies;
        this.scales = scales;
        this.accountLoss = accountLoss;
        this.covers = covers;
    }

    public List<String> currencies() {
        return currencies;
    }

    public List<ScenarioCover> covers() {
        return covers;
    }

    /** The exact loss of portfolio {@code account} (its index in the book) in scenario {@code scenario}, in a currency. */
    public BigDecimal loss(int account, int scenario, int currency) {
        int cell = (account * covers.size() + scenario) * currencies.size() + currency;
        return accountLoss.get(cell, scales[scenario]);
    }

    /** The scenario with the largest Cover-1, if any scenario leaves a loss uncovered. */
    public Optional<ScenarioCover> worstCover1() {
        return worst(Comparator.comparing(ScenarioCover::cover1));
    }

    /** The scenario with the largest Cover-2, if any scenario leaves a loss uncovered. */
    public Optional<ScenarioCover> worstCover2() {
        return worst(Comparator.comparing(ScenarioCover::cover2));
    }

    private Optional<ScenarioCover> worst(Comparator<ScenarioCover> by) {
        ScenarioCover worst = null;
        for (ScenarioCover cover : covers) {
            if (worst == null || by.compare(cover, worst) > 0) {
                worst = cover;
            }
        }
        return Optional.ofNullable(worst).filter(w -> w.cover1().signum() > 0);
    }

    public BigDecimal cover1() {
        return worstCover1().map(ScenarioCover::cover1).orElse(BigDecimal.ZERO);
    }

    public BigDecimal cover2() {
        return worstCover2().map(ScenarioCover::cover2).orElse(BigDecimal.ZERO);
    }
}
