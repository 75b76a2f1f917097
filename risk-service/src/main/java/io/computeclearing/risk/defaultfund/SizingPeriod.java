package io.computeclearing.risk.defaultfund;

import io.computeclearing.platform.persistence.SqlValues;
import io.computeclearing.risk.defaultfund.DefaultFundSettings.RiskMeasure;
import io.computeclearing.risk.fund.MemberRiskMeasure;
import io.computeclearing.risk.stress.StressBook;
import io.computeclearing.risk.stress.StressEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.computeclearing.platform.persistence.SqlValues.date;
import static io.computeclearing.platform.persistence.SqlValues.instant;

/**
 * What a sizing reads from the stored stress runs: the daily (END_OF_DAY) runs of the period, the latest of each date
 * (a date settlement ran again was stressed again), and each member's risk measure over them. The members are those
 * whose accounts the period's runs revalued, less those declared in default (their contribution went into the
 * waterfall and they clear no more: they share no fund); a member is measured on every run of the period, a run it had
 * no position in counting zero.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class SizingPeriod {

    /** A daily run of the period. */
    record Run(long runId, LocalDate businessDate, BigDecimal cover2, BigDecimal usdCny, Instant completedAt) {
    }

    private final EntityManager em;

    SizingPeriod(EntityManager em) {
        this.em = em;
    }

    /** The date of the latest daily run, if any. */
    java.util.Optional<LocalDate> latestDate() {
        Object latest = rowsOf("select max(business_date) from stress_run where trigger = 'END_OF_DAY'", Map.of())
                .getFirst()[0];
        return java.util.Optional.ofNullable(latest).map(SqlValues::date);
    }

    /** The latest daily run of each date in {@code (from, to]}, oldest first. */
    List<Run> runs(LocalDate from, LocalDate to) {
        return rowsOf("""
                select distinct on (business_date) run_id, business_date, cover2, usd_cny, completed_at
                from stress_run where trigger = 'END_OF_DAY' and business_date > :from and business_date <= :to
                order by business_date, run_id desc""", Map.of("from", from, "to", to)).stream()
                .map(r -> new Run(((Number) r[0]).longValue(), date(r[1]), (BigDecimal) r[2], (BigDecimal) r[3],
                        instant(r[4])))
                .toList();
    }

    /** Each member's measure over {@code runs}: the average of its daily values, ordered by member id. */
    List<MemberRiskMeasure> measures(List<Run> runs, RiskMeasure measure) {
        Map<Long, Map<String, BigDecimal>> daily = switch (measure) {
            case UNCOVERED_STRESS_LOSS -> uncoveredLosses(runs);
            case INITIAL_MARGIN -> initialMargins(runs);
        };
        TreeMap<String, List<BigDecimal>> values = new TreeMap<>();
        for (String member : members(runs)) {
            values.put(member, new ArrayList<>());
        }
        for (Run run : runs) {
            Map<String, BigDecimal> ofRun = daily.getOrDefault(run.runId(), Map.of());
            values.forEach((member, list) -> list.add(ofRun.getOrDefault(member, BigDecimal.ZERO)));
        }
        return values.entrySet().stream().map(e -> MemberRiskMeasure.average(e.getKey(), e.getValue())).toList();
    }

    private List<String> members(List<Run> runs) {
        return rowsOf("""
                select distinct member_id from stress_account_loss where run_id in (:runs)
                and member_id not in (select member_id from member_default where status = 'DECLARED')""",
                Map.of("runs", ids(runs))).stream().map(r -> (String) r[0]).toList();
    }

    /**
     * A member's uncovered stress loss in a run: in each scenario its group's uncovered loss is attributed to the
     * group's members in proportion to their own losses (only members that lose take a share; a member alone in its
     * group takes all of it), and the member's value is its largest over the scenarios. Exact to 34 digits.
     */
    private Map<Long, Map<String, BigDecimal>> uncoveredLosses(List<Run> runs) {
        Map<String, BigDecimal> uncovered = new HashMap<>();
        rowsOf("""
                select run_id, scenario_id, group_id, uncovered from stress_group_loss
                where run_id in (:runs) and uncovered > 0""", Map.of("runs", ids(runs)))
                .forEach(r -> uncovered.put(r[0] + "/" + r[1] + "/" + r[2], (BigDecimal) r[3]));
        // Members that lose, per run, scenario and group.
        Map<String, Map<String, BigDecimal>> losers = new HashMap<>();
        rowsOf("""
                select run_id, scenario_id, group_id, member_id, sum(loss_usd) from stress_account_loss
                where run_id in (:runs) group by run_id, scenario_id, group_id, member_id
                having sum(loss_usd) > 0""", Map.of("runs", ids(runs)))
                .forEach(r -> losers.computeIfAbsent(r[0] + "/" + r[1] + "/" + r[2], k -> new HashMap<>())
                        .put((String) r[3], (BigDecimal) r[4]));
        Map<Long, Map<String, BigDecimal>> daily = new HashMap<>();
        uncovered.forEach((key, groupUncovered) -> {
            Map<String, BigDecimal> members = losers.getOrDefault(key, Map.of());
            BigDecimal total = members.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            long runId = Long.parseLong(key.substring(0, key.indexOf('/')));
            members.forEach((member, loss) -> daily.computeIfAbsent(runId, k -> new HashMap<>()).merge(member,
                    groupUncovered.multiply(loss).divide(total, MathContext.DECIMAL128), BigDecimal::max));
        });
        return daily;
    }

    /**
     * A member's initial margin in a run: the latest margin requirement, by the time the run was made, of each of its
     * accounts the run revalued, in USD (CNY at the run's USD/CNY).
     */
    private Map<Long, Map<String, BigDecimal>> initialMargins(List<Run> runs) {
        Map<Long, Map<String, BigDecimal>> daily = new HashMap<>();
        for (Run run : runs) {
            Map<String, String> memberOf = new HashMap<>();
            rowsOf("select distinct account_id, member_id from stress_account_loss where run_id = :run",
                    Map.of("run", run.runId())).forEach(r -> memberOf.put((String) r[0], (String) r[1]));
            if (memberOf.isEmpty()) {
                continue;
            }
            Map<String, BigDecimal> rates = run.usdCny() == null ? Map.of()
                    : Map.of(StressBook.SHOCKED_CURRENCY, run.usdCny());
            Map<String, BigDecimal> margins = daily.computeIfAbsent(run.runId(), k -> new HashMap<>());
            rowsOf("""
                    select r.account_id, r.currency, r.initial_margin from risk_margin_requirement r
                    join (select account_id, max(calculated_at) as at from risk_margin_requirement
                          where account_id in (:accounts) and calculated_at <= :at group by account_id) latest
                      on latest.account_id = r.account_id and latest.at = r.calculated_at""",
                    Map.of("accounts", List.copyOf(memberOf.keySet()), "at", run.completedAt()))
                    .forEach(r -> {
                        String currency = ((String) r[1]).strip();
                        if (!currency.equals(StressBook.REPORTING_CURRENCY) && !rates.containsKey(currency)) {
                            throw FundRefusal.rateMissing(run.businessDate(), currency);
                        }
                        margins.merge(memberOf.get((String) r[0]),
                                StressEngine.toUsd((BigDecimal) r[2], currency, rates), BigDecimal::add);
                    });
        }
        return daily;
    }

    private static List<Long> ids(List<Run> runs) {
        return runs.stream().map(Run::runId).toList();
    }



    @SuppressWarnings("unchecked")
    private List<Object[]> rowsOf(String sql, Map<String, Object> parameters) {
        var query = em.createNativeQuery(sql);
        parameters.forEach(query::setParameter);
        List<Object> result = query.getResultList();
        return result.stream().map(r -> r instanceof Object[] a ? a : new Object[] {r}).toList();
    }
}
