package io.computeclearing.risk.stress;

import io.computeclearing.platform.events.risk.RiskEvents;
import io.computeclearing.platform.events.risk.RiskEvents.StressRunCompleted;
import io.computeclearing.platform.outbox.Outbox;
import io.computeclearing.platform.persistence.KeyLock;
import io.computeclearing.risk.defaultfund.FundShortfalls;
import io.computeclearing.risk.scenario.Scenario;
import io.computeclearing.risk.scenario.Scenarios;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The stress run of a business date: every account revalued under every scenario in force at the date's settlement
 * prices, positions as held; results stored and {@code StressRunCompleted} published in one transaction. It refuses
 * (409, nothing written) without the date's completed end-of-day run, its settlement prices, a scenario, or a rate.
 * A date can be run again on demand: each run is kept under its own id.
 */
@ApplicationScoped
public class StressRuns {

    /** What started a run. */
    public enum Trigger {
        END_OF_DAY, ON_DEMAND
    }

    private static final Logger LOG = Logger.getLogger(StressRuns.class);

    private final EntityManager em;
    private final StressInputs inputs;
    private final Scenarios scenarios;
    private final StressRunStore store;
    private final Outbox outbox;
    private final FundShortfalls shortfalls;
    private final Clock clock;

    StressRuns(EntityManager em, StressInputs inputs, Scenarios scenarios, StressRunStore store, Outbox outbox,
               FundShortfalls shortfalls, Clock clock) {
        this.em = em;
        this.inputs = inputs;
        this.scenarios = scenarios;
        this.store = store;
        this.outbox = outbox;
        this.shortfalls = shortfalls;
        this.clock = clock;
    }

    /** A run on demand: refused (409) before the date's end-of-day run has reached risk-service. */
    @Transactional
    public long run(LocalDate date, Trigger trigger, String by) {
        KeyLock.hold(em, "stress_run", date.toString());
        if (em.createNativeQuery("select 1 from risk_end_of_day_run where business_date = :date")
                .setParameter("date", date).getResultList().isEmpty()) {
            throw StressRefusal.noEndOfDayRun(date);
        }
        return stress(date, trigger, by);
    }

    /** The end-of-day runs whose stress run waits, oldest first. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<LocalDate> waiting() {
        return em.createNativeQuery("""
                select business_date from risk_end_of_day_run where stress_run_id is null order by business_date""",
                LocalDate.class).getResultList();
    }

    /**
     * The stress run the end of day of {@code date} asked for, once (empty when it has been made meanwhile, by another
     * replica for instance); refused like a run on demand while an input of the date is missing.
     */
    @Transactional
    public Optional<Long> runAfterEndOfDay(LocalDate date) {
        KeyLock.hold(em, "stress_run", date.toString());
        if (em.createNativeQuery("""
                        select 1 from risk_end_of_day_run where business_date = :date and stress_run_id is null""")
                .setParameter("date", date).getResultList().isEmpty()) {
            return Optional.empty();
        }
        long runId = stress(date, Trigger.END_OF_DAY, "settlement-service");
        em.createNativeQuery("update risk_end_of_day_run set stress_run_id = :run where business_date = :date")
                .setParameter("run", runId).setParameter("date", date).executeUpdate();
        // A daily run above the default fund in force is a shortfall (an on-demand run is a what-if: it is not).
        shortfalls.afterDailyRun(runId);
        return Optional.of(runId);
    }

    private long stress(LocalDate date, Trigger trigger, String by) {
        List<Scenario> inForce = scenarios.inForce();
        if (inForce.isEmpty()) {
            throw StressRefusal.noScenarios();
        }
        long started = System.nanoTime();
        StressBook book = inputs.load(date);
        List<ScenarioPrices> priced = inForce.stream()
                .map(s -> ScenarioPricing.price(s, book.instruments(), index -> inputs.indexHistory(index, date)))
                .toList();
        long loaded = System.nanoTime();
        StressResult result = StressEngine.run(book, priced);
        long revalued = System.nanoTime();
        Instant at = clock.instant();
        long runId = store.record(date, trigger, by, book, result, at);
        long stored = System.nanoTime();
        ScenarioCover worst1 = result.worstCover1().orElse(null);
        ScenarioCover worst2 = result.worstCover2().orElse(null);
        outbox.record(RiskEvents.STRESS_RUN_COMPLETED, date.toString(), new StressRunCompleted(runId, date,
                StressBook.REPORTING_CURRENCY, StressEngine.reported(result.cover1()),
                worst1 == null ? null : worst1.scenario().scenarioId(), StressEngine.reported(result.cover2()),
                worst2 == null ? null : worst2.scenario().scenarioId(),
                worst2 == null ? List.of() : worst2.cover2Groups(), book.portfolios().size(), priced.size(), at));
        LOG.infof("stress run %d of %s (%s by %s): %d accounts, %d scenarios, load %d ms, engine %d ms, store %d ms, "
                        + "Cover-2 %s USD", runId, date, trigger, by, book.portfolios().size(), priced.size(),
                millis(started, loaded), millis(loaded, revalued), millis(revalued, stored),
                StressEngine.reported(result.cover2()));
        return runId;
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
