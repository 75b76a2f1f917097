package io.computeclearing.risk.stress;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes a stress run's results: the run with its maximum covers, per scenario its covers and the moves it applied,
 * per group and scenario the loss, margin and uncovered loss, and per account, scenario and currency held the exact
 * loss and its USD value. Rows go in JDBC batches, and the account losses (millions for a large book) by COPY.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class StressRunStore {

    private static final int BATCH = 1000;
    /** Characters of loss rows sent to COPY at a time. */
    private static final int COPY_CHUNK = 1 << 20;

    private final EntityManager em;

    StressRunStore(EntityManager em) {
        this.em = em;
    }

    long record(LocalDate date, StressRuns.Trigger trigger, String by, StressBook book, StressResult result,
                Instant at) {
        ScenarioCover worst1 = result.worstCover1().orElse(null);
        ScenarioCover worst2 = result.worstCover2().orElse(null);
        long groups = book.portfolios().stream().map(Portfolio::groupId).distinct().count();
        Number id = (Number) em.createNativeQuery("""
                        insert into stress_run (business_date, trigger, requested_by, currency, usd_cny, accounts,
                                                groups, scenarios, cover1, cover1_scenario, cover1_group, cover2,
                                                cover2_scenario, cover2_groups, completed_at)
                        values (:date, :trigger, :by, :currency, :usdCny, :accounts, :groups, :scenarios, :cover1,
                                :cover1Scenario, :cover1Group, :cover2, :cover2Scenario, :cover2Groups, :at)
                        returning run_id""")
                .setParameter("date", date).setParameter("trigger", trigger.name()).setParameter("by", by)
                .setParameter("currency", StressBook.REPORTING_CURRENCY)
                .setParameter("usdCny", book.usdRates().get(StressBook.SHOCKED_CURRENCY))
                .setParameter("accounts", book.portfolios().size()).setParameter("groups", (int) groups)
                .setParameter("scenarios", result.covers().size())
                .setParameter("cover1", StressEngine.reported(result.cover1()))
                .setParameter("cover1Scenario", worst1 == null ? null : worst1.scenario().scenarioId())
                .setParameter("cover1Group", worst1 == null ? null : worst1.cover1Group())
                .setParameter("cover2", StressEngine.reported(result.cover2()))
                .setParameter("cover2Scenario", worst2 == null ? null : worst2.scenario().scenarioId())
                .setParameter("cover2Groups", worst2 == null ? null : String.join(",", worst2.cover2Groups()))
                .setParameter("at", at)
                .getSingleResult();
        long runId = id.longValue();
        for (ScenarioCover cover : result.covers()) {
            recordScenario(runId, cover);
        }
        recordGroupLosses(runId, result);
        recordAccountLosses(runId, book, result);
        return runId;
    }

    private void recordScenario(long runId, ScenarioCover cover) {
        ScenarioPrices s = cover.scenario();
        em.createNativeQuery("""
                        insert into stress_run_scenario (run_id, scenario_id, scenario_version, name, kind, fx_shock,
                                                         usd_cny, cover1, cover1_group, cover2, cover2_groups)
                        values (:run, :id, :version, :name, :kind, :fx, :usdCny, :cover1, :cover1Group, :cover2,
                                :cover2Groups)""")
                .setParameter("run", runId).setParameter("id", s.scenarioId()).setParameter("version", s.version())
                .setParameter("name", s.name()).setParameter("kind", s.kind().name())
                .setParameter("fx", s.fxShock()).setParameter("usdCny", cover.usdCny())
                .setParameter("cover1", StressEngine.reported(cover.cover1()))
                .setParameter("cover1Group", cover.cover1Group())
                .setParameter("cover2", StressEngine.reported(cover.cover2()))
                .setParameter("cover2Groups", cover.cover2Groups().isEmpty() ? null
                        : String.join(",", cover.cover2Groups()))
                .executeUpdate();
        for (AppliedMove move : s.moves()) {
            em.createNativeQuery("""
                            insert into stress_run_move (run_id, scenario_id, family, contract_month, kind, value,
                                                         observed_from, observed_to)
                            values (:run, :id, :family, :month, :kind, :value, :from, :to)""")
                    .setParameter("run", runId).setParameter("id", s.scenarioId())
                    .setParameter("family", move.family()).setParameter("month", move.contractMonth())
                    .setParameter("kind", move.kind().name()).setParameter("value", move.value())
                    .setParameter("from", move.observedFrom()).setParameter("to", move.observedTo())
                    .executeUpdate();
        }
    }

    private void recordGroupLosses(long runId, StressResult result) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into stress_group_loss (run_id, scenario_id, group_id, loss, initial_margin, uncovered)
                    values (?, ?, ?, ?, ?, ?)""")) {
                int pending = 0;
                for (ScenarioCover cover : result.covers()) {
                    for (GroupLoss group : cover.groups()) {
                        insert.setLong(1, runId);
                        insert.setString(2, cover.scenario().scenarioId());
                        insert.setString(3, group.groupId());
                        insert.setBigDecimal(4, StressEngine.reported(group.loss()));
                        insert.setBigDecimal(5, StressEngine.reported(group.initialMargin()));
                        insert.setBigDecimal(6, StressEngine.reported(group.uncovered()));
                        insert.addBatch();
                        if (++pending % BATCH == 0) {
                            insert.executeBatch();
                        }
                    }
                }
                insert.executeBatch();
            }
        });
    }

    /**
     * One row per account, scenario and currency held: millions for a large book, so they go in by PostgreSQL's COPY
     * (text format, in chunks) rather than as inserts; ids are of A-Z, 0-9 and '-', so no value needs escaping.
     */
    private void recordAccountLosses(long runId, StressBook book, StressResult result) {
        List<String> currencies = result.currencies();
        List<StressInstrument> instruments = book.instruments();
        List<Map<String, BigDecimal>> rates = result.covers().stream()
                .map(cover -> StressEngine.shockedRates(book.usdRates(), cover.scenario().fxShock())).toList();
        em.unwrap(Session.class).doWork(connection -> {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy stress_account_loss (run_id, scenario_id, account_id, member_id, group_id, currency, loss,
                                              loss_usd) from stdin""");
            try {
                StringBuilder rows = new StringBuilder(COPY_CHUNK + 1024);
                for (int a = 0; a < book.portfolios().size(); a++) {
                    Portfolio p = book.portfolios().get(a);
                    TreeSet<Integer> held = new TreeSet<>();
                    for (int i : p.instruments()) {
                        held.add(currencies.indexOf(instruments.get(i).currency()));
                    }
                    for (int k = 0; k < result.covers().size(); k++) {
                        String scenario = result.covers().get(k).scenario().scenarioId();
                        for (int x : held) {
                            BigDecimal loss = result.loss(a, k, x);
                            rows.append(runId).append('\t').append(scenario).append('\t').append(p.accountId())
                                    .append('\t').append(p.memberId()).append('\t').append(p.groupId()).append('\t')
                                    .append(currencies.get(x)).append('\t').append(loss.toPlainString()).append('\t')
                                    .append(StressEngine.reported(StressEngine.toUsd(loss, currencies.get(x),
                                            rates.get(k))).toPlainString()).append('\n');
                        }
                    }
                    if (rows.length() >= COPY_CHUNK) {
                        write(copy, rows);
                    }
                }
                write(copy, rows);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        });
    }

    private static void write(CopyIn copy, StringBuilder rows) throws SQLException {
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        rows.setLength(0);
    }
}
