package io.computeclearing.risk.backtesting;

import io.computeclearing.risk.backtest.BacktestObservation;
import io.computeclearing.risk.backtest.BacktestResult;
import io.computeclearing.risk.backtest.MarginBacktest;
import io.computeclearing.risk.backtesting.BacktestViews.AccountBacktest;
import io.computeclearing.risk.backtesting.BacktestViews.BacktestLine;
import io.computeclearing.risk.backtesting.BacktestViews.BacktestReport;
import io.computeclearing.risk.backtesting.BacktestViews.FamilyPart;
import io.computeclearing.risk.backtesting.BacktestViews.ObservationView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rolling backtests from the stored observations: over the latest {@link MarginBacktest#DEFAULT_WINDOW} business
 * dates with an observation of the scope and holding period, at {@link MarginBacktest#DEFAULT_CONFIDENCE}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class BacktestQueries {

    static final MarginBacktest STANDARD = MarginBacktest.standard();

    private final EntityManager em;

    public BacktestQueries(EntityManager em) {
        this.em = em;
    }

    /** The whole CCP and every family with observations, for one holding period or (null) both. */
    public BacktestReport report(Integer holdingDays) {
        List<BacktestLine> ccp = new ArrayList<>();
        List<BacktestLine> families = new ArrayList<>();
        for (int h : DailyBacktests.HOLDING_DAYS) {
            if (holdingDays != null && holdingDays != h) {
                continue;
            }
            ccp.add(BacktestLine.of("CCP", null, null, h, pooled("backtest_observation", "profit_and_loss", "",
                    Map.of(), h, null)));
            for (String family : families(h)) {
                families.add(BacktestLine.of("FAMILY", family, null, h, family(family, h, null)));
            }
        }
        return new BacktestReport(STANDARD.window(), STANDARD.confidence(), ccp, families);
    }

    /** A family's backtest over the window ending at {@code asOf} (null: the latest). */
    BacktestResult family(String family, int holdingDays, LocalDate asOf) {
        return pooled("backtest_family_observation", "profit_and_loss_usd", " and family = :family",
                Map.of("family", family), holdingDays, asOf);
    }

    /** The families with observations of the holding period on {@code date} (null: on any date). */
    @SuppressWarnings("unchecked")
    List<String> families(int holdingDays, LocalDate date) {
        return em.createNativeQuery("select distinct family from backtest_family_observation where holding_days = :h "
                        + "and business_date = :date order by family", String.class)
                .setParameter("h", holdingDays).setParameter("date", date).getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<String> families(int holdingDays) {
        return em.createNativeQuery("select distinct family from backtest_family_observation where holding_days = :h "
                        + "order by family", String.class)
                .setParameter("h", holdingDays).getResultList();
    }

    /** An account's backtests and observations in their windows; empty when it has none. */
    public Optional<AccountBacktest> account(String accountId) {
        List<Object[]> rows = rows("""
                select business_date, holding_days, base_date, initial_margin, profit_and_loss, exceedance, member_id
                from backtest_observation where account_id = :account order by business_date desc, holding_days""",
                Map.of("account", accountId));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<FamilyPart>> parts = new HashMap<>();
        rows("""
                select business_date, holding_days, family, currency, profit_and_loss, profit_and_loss_usd,
                       initial_margin, exceedance
                from backtest_family_observation where account_id = :account order by family""",
                Map.of("account", accountId)).forEach(r -> parts.computeIfAbsent(
                        DailyBacktests.date(r[0]) + "/" + ((Number) r[1]).intValue(), k -> new ArrayList<>())
                .add(new FamilyPart((String) r[2], ((String) r[3]).strip(), (BigDecimal) r[4], (BigDecimal) r[5],
                        (BigDecimal) r[6], (Boolean) r[7])));
        Map<Integer, List<BacktestObservation>> byHorizon = new LinkedHashMap<>();
        Map<Integer, List<ObservationView>> views = new LinkedHashMap<>();
        for (Object[] r : rows) {
            LocalDate date = DailyBacktests.date(r[0]);
            int h = ((Number) r[1]).intValue();
            List<ObservationView> kept = views.computeIfAbsent(h, k -> new ArrayList<>());
            if (kept.size() == STANDARD.window()) {
                continue; // older than the window
            }
            kept.add(new ObservationView(date, h, DailyBacktests.date(r[2]), (BigDecimal) r[3], (BigDecimal) r[4],
                    (Boolean) r[5], parts.getOrDefault(date + "/" + h, List.of())));
            byHorizon.computeIfAbsent(h, k -> new ArrayList<>())
                    .add(new BacktestObservation(date, (BigDecimal) r[3], (BigDecimal) r[4]));
        }
        List<BacktestLine> results = new ArrayList<>();
        byHorizon.forEach((h, observations) -> results.add(BacktestLine.of("ACCOUNT", null, accountId, h,
                STANDARD.evaluate(Currency.getInstance("USD"), observations))));
        List<ObservationView> observations = views.values().stream().flatMap(List::stream)
                .sorted((a, b) -> a.businessDate().equals(b.businessDate())
                        ? Integer.compare(a.holdingDays(), b.holdingDays())
                        : b.businessDate().compareTo(a.businessDate()))
                .toList();
        return Optional.of(new AccountBacktest(accountId, (String) rows.getFirst()[6], results, observations));
    }

    /** The member whose account it is, as the observations name it. */
    public Optional<String> memberOf(String accountId) {
        return rows("select member_id from backtest_observation where account_id = :account "
                + "order by business_date desc limit 1", Map.of("account", accountId)).stream()
                .map(r -> (String) r[0]).findFirst();
    }

    private BacktestResult pooled(String table, String pnl, String scope, Map<String, Object> scopeParameters,
                                  int holdingDays, LocalDate asOf) {
        Map<String, Object> parameters = new HashMap<>(scopeParameters);
        parameters.put("h", holdingDays);
        parameters.put("window", STANDARD.window());
        String until = "";
        if (asOf != null) {
            until = " and business_date <= :asOf";
            parameters.put("asOf", asOf);
        }
        String window = "with days as (select distinct business_date from " + table + " where holding_days = :h"
                + scope + until + " order by business_date desc limit :window) ";
        String inWindow = " from " + table + " where holding_days = :h" + scope
                + " and business_date in (select business_date from days)";
        Object[] totals = rows(window + "select min(business_date), max(business_date), count(*), "
                + "count(*) filter (where exceedance), coalesce(max(case when exceedance then -" + pnl
                + " - initial_margin end), 0)" + inWindow, parameters).getFirst();
        List<LocalDate> dates = rows(window + "select distinct business_date" + inWindow
                + " and exceedance order by business_date", parameters).stream()
                .map(r -> DailyBacktests.date(r[0])).toList();
        return PooledBacktest.of(totals[0] == null ? null : DailyBacktests.date(totals[0]),
                totals[1] == null ? null : DailyBacktests.date(totals[1]), ((Number) totals[2]).intValue(),
                ((Number) totals[3]).intValue(), dates, (BigDecimal) totals[4], STANDARD.confidence());
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Map<String, Object> parameters) {
        var query = em.createNativeQuery(sql);
        parameters.forEach(query::setParameter);
        List<?> rows = query.getResultList();
        return rows.stream().map(r -> r instanceof Object[] a ? a : new Object[] {r}).toList();
    }
}
