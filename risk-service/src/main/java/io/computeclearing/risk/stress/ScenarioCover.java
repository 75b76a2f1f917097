package io.computeclearing.risk.stress;

import java.math.BigDecimal;
import java.util.List;

/**
 * One scenario's covers: Cover-1, the largest group's uncovered loss, and Cover-2, the two largest added, with the
 * groups that set them (none when the uncovered loss is zero), the USD/CNY rate it converted at, and every group's
 * result. Amounts exact to 10 decimals; {@link StressEngine#reported} rounds them to cents.
 */
public record ScenarioCover(ScenarioPrices scenario, BigDecimal usdCny, BigDecimal cover1, String cover1Group,
                            BigDecimal cover2, List<String> cover2Groups, List<GroupLoss> groups) {

    static ScenarioCover of(ScenarioPrices scenario, BigDecimal usdCny, List<GroupLoss> groups) {
        List<GroupLoss> largest = groups.stream().sorted(StressEngine.LARGEST_FIRST).limit(2)
                .filter(g -> g.uncovered().signum() > 0).toList();
        BigDecimal cover1 = largest.isEmpty() ? BigDecimal.ZERO : largest.getFirst().uncovered();
        BigDecimal cover2 = largest.stream().map(GroupLoss::uncovered).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new ScenarioCover(scenario, usdCny, cover1, largest.isEmpty() ? null : largest.getFirst().groupId(),
                cover2, largest.stream().map(GroupLoss::groupId).toList(), List.copyOf(groups));
    }
}
