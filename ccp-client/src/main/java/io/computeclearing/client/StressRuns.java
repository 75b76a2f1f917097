package io.computeclearing.client;

import com.fasterxml.jackson.core.type.TypeReference;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Stress runs at risk-service: every account revalued under every scenario after each end of day (and on demand),
 * Cover-1 and Cover-2 per member group, in USD. The risk and back-office roles read every run; a member reads only
 * its own losses.
 */
public final class StressRuns {

    /**
     * A run's headline: the largest Cover-1 and Cover-2 over its scenarios and which scenario and member groups set
     * them (null and empty when no loss is uncovered). {@code trigger}: {@code END_OF_DAY} or {@code ON_DEMAND}.
     */
    public record Run(long runId, LocalDate businessDate, String trigger, String requestedBy, String currency,
                      int accounts, int groups, int scenarios, BigDecimal cover1, String cover1Scenario,
                      String cover1Group, BigDecimal cover2, String cover2Scenario, List<String> cover2Groups,
                      Instant completedAt) {
    }

    /** What a run answers on demand: its headline among the details. */
    public record Started(Run run) {
    }

    /** A member group's loss, the initial margin its accounts hold, and the uncovered loss, max(0, loss - margin). */
    public record GroupResult(String groupId, BigDecimal loss, BigDecimal initialMargin, BigDecimal uncovered) {
    }

    /** An account's loss in a scenario, in USD. */
    public record AccountLoss(String accountId, BigDecimal loss) {
    }

    /** The member's loss in a scenario (its accounts together, USD) and its group's result. */
    public record MemberScenario(String scenarioId, BigDecimal loss, GroupResult group, List<AccountLoss> accounts) {
    }

    /** A member's own stress losses in one run. */
    public record MemberLosses(long runId, LocalDate businessDate, String memberId, String groupId,
                               List<MemberScenario> scenarios) {
    }

    private final RestCalls calls;
    private final URI runs;

    StressRuns(RestCalls calls, URI riskService) {
        this.calls = calls;
        this.runs = RestCalls.url(riskService, "stress-runs");
    }

    /** The runs, newest first (risk, back office). */
    public List<Run> list(int page, int size) {
        URI url = RestCalls.query(runs, RestCalls.parameters("page", page, "size", size));
        return calls.get(url, new TypeReference<>() {
        });
    }

    /** A member's own losses in a run (another member's answer 404 to a member). */
    public MemberLosses member(long runId, String memberId) {
        return calls.get(RestCalls.url(runs, runId, "members", memberId), MemberLosses.class);
    }

    /** Runs the stress test of a business date now (risk); 409 before its end-of-day run. */
    public Run run(LocalDate businessDate) {
        return calls.post(runs, Map.of("businessDate", businessDate.toString()), Started.class).run();
    }
}
