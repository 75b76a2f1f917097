package io.computeclearing.risk.stress;

import io.computeclearing.risk.scenario.ShockKind;
import io.computeclearing.risk.stress.StressRunViews.AccountLoss;
import io.computeclearing.risk.stress.StressRunViews.CurrencyLoss;
import io.computeclearing.risk.stress.StressRunViews.GroupResult;
import io.computeclearing.risk.stress.StressRunViews.MemberGroup;
import io.computeclearing.risk.stress.StressRunViews.MemberLosses;
import io.computeclearing.risk.stress.StressRunViews.MemberScenario;
import io.computeclearing.risk.stress.StressRunViews.Move;
import io.computeclearing.risk.stress.StressRunViews.RunSummary;
import io.computeclearing.risk.stress.StressRunViews.RunView;
import io.computeclearing.risk.stress.StressRunViews.ScenarioResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static io.computeclearing.platform.persistence.SqlValues.date;
import static io.computeclearing.platform.persistence.SqlValues.instant;

/** Reads stored stress runs. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StressRunQueries {

    private static final String SUMMARY = """
            select run_id, business_date, trigger, requested_by, currency, usd_cny, accounts, groups, scenarios,
                   cover1, cover1_scenario, cover1_group, cover2, cover2_scenario, cover2_groups, completed_at
            from stress_run""";

    private final EntityManager em;

    public StressRunQueries(EntityManager em) {
        this.em = em;
    }

    /** Runs, newest first. */
    public List<RunSummary> list(int page, int size) {
        return rows(SUMMARY + " order by run_id desc limit :size offset :offset",
                Map.of("size", size, "offset", page * size)).stream().map(StressRunQueries::summary).toList();
    }

    public Optional<RunSummary> summary(long runId) {
        return rows(SUMMARY + " where run_id = :run", Map.of("run", runId)).stream().findFirst()
                .map(StressRunQueries::summary);
    }

    public Optional<RunView> find(long runId) {
        return summary(runId).map(run -> new RunView(run, scenarios(runId), groups(runId)));
    }

    private List<ScenarioResult> scenarios(long runId) {
        Map<String, List<Move>> moves = new HashMap<>();
        rows("""
                select scenario_id, family, contract_month, kind, value, observed_from, observed_to
                from stress_run_move where run_id = :run order by scenario_id, family, contract_month nulls first""",
                Map.of("run", runId)).forEach(r -> moves.computeIfAbsent((String) r[0], k -> new ArrayList<>())
                .add(new Move((String) r[1], (String) r[2], ShockKind.valueOf((String) r[3]),
                        ((BigDecimal) r[4]).stripTrailingZeros(), date(r[5]), date(r[6]))));
        Map<String, List<GroupResult>> groups = new HashMap<>();
        rows("""
                select scenario_id, group_id, loss, initial_margin, uncovered from stress_group_loss
                where run_id = :run order by scenario_id, uncovered desc, group_id""", Map.of("run", runId))
                .forEach(r -> groups.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(
                        new GroupResult((String) r[1], (BigDecimal) r[2], (BigDecimal) r[3], (BigDecimal) r[4])));
        return rows("""
                select scenario_id, scenario_version, name, kind, fx_shock, usd_cny, cover1, cover1_group, cover2,
                       cover2_groups
                from stress_run_scenario where run_id = :run order by scenario_id""", Map.of("run", runId))
                .stream().map(r -> new ScenarioResult((String) r[0], ((Number) r[1]).intValue(), (String) r[2],
                        (String) r[3], r[4] == null ? null : ((BigDecimal) r[4]).stripTrailingZeros(),
                        r[5] == null ? null : ((BigDecimal) r[5]).stripTrailingZeros(),
                        moves.getOrDefault((String) r[0], List.of()), (BigDecimal) r[6], (String) r[7],
                        (BigDecimal) r[8], split((String) r[9]), groups.getOrDefault((String) r[0], List.of())))
                .toList();
    }

    private List<MemberGroup> groups(long runId) {
        Map<String, List<String>> members = new TreeMap<>();
        rows("""
                select distinct group_id, member_id from stress_account_loss where run_id = :run
                order by group_id, member_id""", Map.of("run", runId))
                .forEach(r -> members.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add((String) r[1]));
        return members.entrySet().stream().map(e -> new MemberGroup(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    /** A member's losses in a run; empty if the run revalued no account of the member. */
    public Optional<MemberLosses> member(long runId, String memberId) {
        Optional<RunSummary> run = summary(runId);
        if (run.isEmpty()) {
            return Optional.empty();
        }
        List<Object[]> rows = rows("""
                select l.scenario_id, l.account_id, l.group_id, l.currency, l.loss, l.loss_usd, s.usd_cny
                from stress_account_loss l join stress_run_scenario s
                    on s.run_id = l.run_id and s.scenario_id = l.scenario_id
                where l.run_id = :run and l.member_id = :member order by l.scenario_id, l.account_id, l.currency""",
                Map.of("run", runId, "member", memberId));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        String groupId = (String) rows.getFirst()[2];
        Map<String, GroupResult> groupResults = new HashMap<>();
        rows("""
                select scenario_id, group_id, loss, initial_margin, uncovered from stress_group_loss
                where run_id = :run and group_id = :group""", Map.of("run", runId, "group", groupId))
                .forEach(r -> groupResults.put((String) r[0], new GroupResult((String) r[1], (BigDecimal) r[2],
                        (BigDecimal) r[3], (BigDecimal) r[4])));
        // Per scenario and account: the exact losses per currency, and the USD total converted from them exactly.
        Map<String, Map<String, List<Object[]>>> byScenario = new LinkedHashMap<>();
        rows.forEach(r -> byScenario.computeIfAbsent((String) r[0], k -> new LinkedHashMap<>())
                .computeIfAbsent((String) r[1], k -> new ArrayList<>()).add(r));
        List<MemberScenario> scenarios = new ArrayList<>();
        byScenario.forEach((scenarioId, accounts) -> {
            List<AccountLoss> losses = new ArrayList<>();
            BigDecimal memberExact = BigDecimal.ZERO;
            for (var account : accounts.entrySet()) {
                BigDecimal exact = BigDecimal.ZERO;
                List<CurrencyLoss> byCurrency = new ArrayList<>();
                for (Object[] r : account.getValue()) {
                    String currency = ((String) r[3]).strip();
                    BigDecimal loss = ((BigDecimal) r[4]).stripTrailingZeros();
                    // Only the CNY rate is stored per scenario; any other currency counts at its stored USD value.
                    boolean convertible = currency.equals(StressBook.REPORTING_CURRENCY)
                            || (currency.equals(StressBook.SHOCKED_CURRENCY) && r[6] != null);
                    exact = exact.add(convertible ? StressEngine.toUsd(loss, currency,
                            Map.of(StressBook.SHOCKED_CURRENCY, r[6] == null ? BigDecimal.ONE : (BigDecimal) r[6]))
                            : (BigDecimal) r[5]);
                    byCurrency.add(new CurrencyLoss(currency, loss.scale() < 0 ? loss.setScale(0) : loss,
                            (BigDecimal) r[5]));
                }
                memberExact = memberExact.add(exact);
                losses.add(new AccountLoss(account.getKey(), StressEngine.reported(exact), byCurrency));
            }
            scenarios.add(new MemberScenario(scenarioId, StressEngine.reported(memberExact),
                    groupResults.get(scenarioId), losses));
        });
        RunSummary summary = run.get();
        return Optional.of(new MemberLosses(runId, summary.businessDate(), memberId, groupId, scenarios));
    }

    private static RunSummary summary(Object[] r) {
        return new RunSummary(((Number) r[0]).longValue(), date(r[1]), (String) r[2], (String) r[3],
                ((String) r[4]).strip(), r[5] == null ? null : ((BigDecimal) r[5]).stripTrailingZeros(),
                ((Number) r[6]).intValue(), ((Number) r[7]).intValue(), ((Number) r[8]).intValue(),
                (BigDecimal) r[9], (String) r[10], (String) r[11], (BigDecimal) r[12], (String) r[13],
                split((String) r[14]), instant(r[15]));
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }



    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Map<String, Object> parameters) {
        var query = em.createNativeQuery(sql);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }
}
