package io.computeclearing.risk.stress;

import io.computeclearing.risk.scenario.NewScenario;
import io.computeclearing.risk.scenario.NewShock;
import io.computeclearing.risk.scenario.ScenarioKind;
import io.computeclearing.risk.scenario.Scenarios;
import io.computeclearing.risk.scenario.ShockKind;
import io.computeclearing.testsupport.DatabaseProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole stress run (docs/benchmarks.md), not only the engine: the book loaded from risk-service's database, every
 * account revalued, and every loss row stored, in one transaction, as the daily run does. The book is
 * {@link StressBenchmark}'s shape built in SQL: 48 instruments (4 families x 12 months, USD and CNY), 200 members (40
 * affiliated in pairs), accounts of 20 positions each with a USD and a CNY initial margin, USD/CNY 7.1234, and 20
 * hypothetical scenarios. Runs only when asked, in a database of its own:
 * <pre>
 * ./mvnw -B -o verify -pl risk-service -am -Dtest=StressRunBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbenchmark=stress-run -Dbenchmark.accounts=100000 -Dbenchmark.runs=3
 * </pre>
 */
@QuarkusTest
@TestProfile(StressRunBenchmarkTest.OwnDatabase.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "stress-run")
class StressRunBenchmarkTest {

    private static final LocalDate DATE = LocalDate.of(2027, 1, 4);
    private static final String[][] FAMILIES = {{"GH100", "USD", "2.500"}, {"GB200", "USD", "4.125"},
            {"TKFRN", "USD", "1.85"}, {"TKFRC", "CNY", "12.35"}};

    @Inject
    StressRuns runs;

    @Inject
    Scenarios scenarios;

    @Inject
    DatabaseProbe db;

    @Test
    void theWholeRunOverTheBook() throws SQLException {
        int accounts = Integer.getInteger("benchmark.accounts", 100_000);
        int measured = Integer.getInteger("benchmark.runs", 3);
        long seeding = System.nanoTime();
        seed(accounts);
        System.out.printf("stress run benchmark: seeded %,d accounts x 20 positions in %,d ms%n", accounts,
                (System.nanoTime() - seeding) / 1_000_000);
        List<Long> millis = new ArrayList<>();
        for (int run = 0; run < measured; run++) {
            long started = System.nanoTime();
            long runId = runs.run(DATE, StressRuns.Trigger.ON_DEMAND, "benchmark");
            millis.add((System.nanoTime() - started) / 1_000_000);
            assertThat(db.count("select accounts from stress_run where run_id = ?", runId)).isEqualTo(accounts);
            assertThat(db.count("select count(*) from stress_run_scenario where run_id = ?", runId)).isEqualTo(20);
            System.out.printf("stress run benchmark: run %d of %,d accounts, 20 scenarios: %,d ms (phases in the "
                    + "log line 'stress run %d')%n", run + 1, accounts, millis.getLast(), runId);
        }
        System.out.printf("stress run benchmark: %,d accounts, best %,d ms, runs %s ms%n", accounts,
                millis.stream().min(Long::compare).orElseThrow(), millis);
    }

    private void seed(int accounts) throws SQLException {
        StringBuilder families = new StringBuilder();
        for (String[] f : FAMILIES) {
            families.append(families.isEmpty() ? "" : ", ").append("('%s', '%s', %s)".formatted(f[0], f[1], f[2]));
        }
        db.inOneTransaction(
                """
                insert into risk_member (member_id, parent_member_id, updated_at)
                select 'M' || m, case when m < 40 and m % 2 = 1 then 'M' || (m - 1) end, now()
                from generate_series(0, 199) m""",
                """
                create temporary table bench_instrument on commit drop as
                select row_number() over (order by f.family, mo) - 1 as idx,
                       f.family || '-27' || lpad(mo::text, 2, '0') as instrument_id, f.family,
                       '2027-' || lpad(mo::text, 2, '0') as contract_month, f.currency,
                       f.price + mo / 100.0 as price
                from (values %s) f(family, currency, price), generate_series(1, 12) mo""".formatted(families),
                """
                insert into risk_instrument (instrument_id, family, contract_month, last_trading_day, currency,
                                             contract_unit, underlying_index_id, status, updated_at)
                select instrument_id, family, contract_month, (contract_month || '-28')::date, currency, 1000,
                       family || '-INDEX', 'ACTIVE', now() from bench_instrument""",
                """
                insert into risk_settlement_price (instrument_id, business_date, price, currency, version,
                                                   published_at)
                select instrument_id, date '%s', price, currency, 1, now() from bench_instrument""".formatted(DATE),
                // 20 different contracts per account; long or short 1 to 1,000 lots.
                """
                insert into risk_position (account_id, instrument_id, member_id, long_quantity, short_quantity,
                                           net_quantity, business_date, version, updated_at)
                select 'A' || a, i.instrument_id, 'M' || (a %% 200), greatest(q, 0), greatest(-q, 0), q,
                       date '%s', 1, now()
                from generate_series(0, %d) a, generate_series(0, 19) k,
                     lateral (select case when n >= 0 then n + 1 else n end as q
                              from (select ((a * 131 + k * 977) %% 2000) - 1000 as n) raw) lots,
                     bench_instrument i
                where i.idx = (a * 7 + k) %% 48""".formatted(DATE, accounts - 1),
                """
                insert into risk_margin_requirement (account_id, calculated_at, currency, initial_margin,
                                                     maintenance_margin)
                select 'A' || a, timestamptz '%s 18:00Z', c.currency, m, m
                from generate_series(0, %d) a,
                     lateral (values ('USD', ((a::bigint * 7919) %% 5000000) / 100.0),
                                     ('CNY', ((a::bigint * 104729) %% 20000000) / 100.0)) c(currency, m)"""
                        .formatted(DATE, accounts - 1),
                """
                insert into risk_fx_rate (base_currency, quote_currency, as_of, rate, recorded_at)
                values ('USD', 'CNY', timestamptz '%s 00:00Z', 7.1234, now())""".formatted(DATE),
                """
                insert into risk_end_of_day_run (business_date, accounts_settled, postings, completed_at)
                values (date '%s', %d, %d, now())""".formatted(DATE, accounts, accounts),
                "analyze");
        Random random = new Random(20261207L);
        for (int s = 0; s < 20; s++) {
            List<NewShock> shocks = new ArrayList<>();
            for (String[] family : FAMILIES) {
                shocks.add(new NewShock(family[0], null, ShockKind.RELATIVE,
                        BigDecimal.valueOf(random.nextInt(120) - 60, 2)));
            }
            shocks.add(new NewShock("GH100", "2027-01", ShockKind.ABSOLUTE, new BigDecimal("1.005")));
            scenarios.create(new NewScenario("BENCH-" + s, "benchmark scenario " + s, ScenarioKind.HYPOTHETICAL,
                    shocks, BigDecimal.valueOf(random.nextInt(21) - 10, 2), null, null, true), "benchmark");
        }
    }

    /** Its own application and database, without the default scenarios and catalogue, and no run by itself. */
    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ccp.reference-data.defaults", "false", "ccp.stress.waiting-runs.check-every", "1h",
                    "ccp.backtest.waiting-days.check-every", "1h");
        }
    }
}
