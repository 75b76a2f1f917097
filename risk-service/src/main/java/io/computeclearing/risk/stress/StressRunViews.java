package io.computeclearing.risk.stress;

import io.computeclearing.risk.scenario.ShockKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the stress run API answers. Amounts in USD, scale 2, unless named otherwise. */
public final class StressRunViews {

    private StressRunViews() {
    }

    /**
     * A run's headline: the largest Cover-1 and Cover-2 over its scenarios, which scenario and groups set them
     * (null and empty when no loss is uncovered), and the USD/CNY rate of the day.
     */
    public record RunSummary(long runId, LocalDate businessDate, String trigger, String requestedBy, String currency,
                             BigDecimal usdCny, int accounts, int groups, int scenarios, BigDecimal cover1,
                             String cover1Scenario, String cover1Group, BigDecimal cover2, String cover2Scenario,
                             List<String> cover2Groups, Instant completedAt) {
    }

    /** A run with its result per scenario and the member groups (group id: the member at the top of the chain). */
    public record RunView(RunSummary run, List<ScenarioResult> scenarios, List<MemberGroup> groups) {
    }

    /** A member group as the run counted it: the members whose accounts it revalued. */
    public record MemberGroup(String groupId, List<String> members) {
    }

    /** One scenario's covers, the moves it applied, the rate it converted CNY at, and every group's result. */
    public record ScenarioResult(String scenarioId, int version, String name, String kind, BigDecimal fxShock,
                                 BigDecimal usdCny, List<Move> moves, BigDecimal cover1, String cover1Group,
                                 BigDecimal cover2, List<String> cover2Groups, List<GroupResult> groups) {
    }

    /** A move applied: relative (a fraction) or absolute (a price); for a historical scenario, when it happened. */
    public record Move(String family, String contractMonth, ShockKind kind, BigDecimal value, LocalDate observedFrom,
                       LocalDate observedTo) {
    }

    /** A group's loss, the initial margin its accounts hold, and the uncovered loss, max(0, loss - margin). */
    public record GroupResult(String groupId, BigDecimal loss, BigDecimal initialMargin, BigDecimal uncovered) {
    }

    /** A member's stress losses in one run: per scenario its accounts' losses, and its group's result. */
    public record MemberLosses(long runId, LocalDate businessDate, String memberId, String groupId,
                               List<MemberScenario> scenarios) {
    }

    /** The member's loss in a scenario (its accounts together, USD) and its group's result. */
    public record MemberScenario(String scenarioId, BigDecimal loss, GroupResult group, List<AccountLoss> accounts) {
    }

    /** An account's loss in a scenario: in USD, and in each currency it holds positions in (exact). */
    public record AccountLoss(String accountId, BigDecimal loss, List<CurrencyLoss> byCurrency) {
    }

    /** A loss in its own currency, exact, and converted to USD at the scenario's rate (scale 2). */
    public record CurrencyLoss(String currency, BigDecimal loss, BigDecimal lossUsd) {
    }
}
