package io.computeclearing.settlement.run;

import io.computeclearing.platform.persistence.SqlValues;
import io.computeclearing.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * Runs the scheduled intraday settlement cycles ({@link IntradayCycleConfig}): every {@code check-every}, by the
 * injected (business) clock, each family's cycle due today (a weekday, in the configured zone) and not yet attempted
 * runs once at the intraday prices the back office published for the date. Each attempt is recorded
 * ({@code scheduled_cycle}, one row per date, family and due time, inserted first, so that of several replicas only
 * one runs it); a cycle refused (prices missing, the day closed, nobody holding the family) is recorded with the
 * problem and logged, and is not retried: the risk team can run one on demand.
 */
@ApplicationScoped
public class IntradayCycleSchedule {

    private static final Logger LOG = Logger.getLogger(IntradayCycleSchedule.class);
    static final String BY = "settlement-service schedule";

    private final IntradayCycleConfig config;
    private final IntradayCycles cycles;
    private final EntityManager em;
    private final Clock clock;

    public IntradayCycleSchedule(IntradayCycleConfig config, IntradayCycles cycles, EntityManager em, Clock clock) {
        this.config = config;
        this.cycles = cycles;
        this.em = em;
        this.clock = clock;
    }

    @Scheduled(every = "${ccp.settlement.intraday-cycles.check-every:60s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void runDueCycles() {
        Instant now = clock.instant();
        ZonedDateTime local = now.atZone(config.zone());
        LocalDate date = local.toLocalDate();
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return;
        }
        for (Map.Entry<String, List<LocalTime>> family : config.times().entrySet()) {
            for (LocalTime time : family.getValue()) {
                Instant due = date.atTime(time).atZone(config.zone()).toInstant();
                if (!due.isAfter(now)) {
                    attempt(date, family.getKey(), due);
                }
            }
        }
    }

    /** A scheduled cycle attempted: RUN (its {@code cycleId}) or REFUSED (the problem's {@code detail}). */
    public record Attempt(String family, Instant dueAt, String outcome, String cycleId, String detail,
                          Instant attemptedAt) {
    }

    /** The scheduled cycles attempted on the date, by due time and family. */
    @SuppressWarnings("unchecked")
    public List<Attempt> attempted(LocalDate date) {
        return ((List<Object[]>) em.createNativeQuery("""
                        select family, due_at, outcome, cycle_id, detail, attempted_at from scheduled_cycle
                        where business_date = :date order by due_at, family""")
                .setParameter("date", date).getResultList()).stream()
                .map(r -> new Attempt((String) r[0], SqlValues.instant(r[1]), (String) r[2], (String) r[3],
                        (String) r[4], SqlValues.instant(r[5]))).toList();
    }

    /** Runs the family's cycle due at {@code due} unless it was attempted; true if this call attempted it. */
    boolean attempt(LocalDate date, String family, Instant due) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int claimed = em.createNativeQuery("""
                            insert into scheduled_cycle (business_date, family, due_at, outcome, attempted_at)
                            values (:date, :family, :due, 'REFUSED', :at) on conflict do nothing""")
                    .setParameter("date", date).setParameter("family", family).setParameter("due", due)
                    .setParameter("at", clock.instant()).executeUpdate();
            if (claimed == 0) {
                return false;
            }
            String outcome;
            String cycleId = null;
            String detail;
            try {
                cycleId = QuarkusTransaction.requiringNew().call(() -> cycles.run(date,
                        new IntradayCycles.Request(List.of(family), null), BY).cycleId());
                outcome = "RUN";
                detail = null;
                LOG.infof("scheduled intraday cycle %s of %s due %s: %s", family, date, due, cycleId);
            } catch (ProblemException refused) {
                outcome = "REFUSED";
                detail = refused.getMessage();
                LOG.warnf("scheduled intraday cycle %s of %s due %s refused: %s", family, date, due, detail);
            }
            em.createNativeQuery("""
                            update scheduled_cycle set outcome = :outcome, cycle_id = :cycle, detail = :detail
                            where business_date = :date and family = :family and due_at = :due""")
                    .setParameter("outcome", outcome).setParameter("cycle", cycleId)
                    .setParameter("detail", detail == null ? null : detail.substring(0, Math.min(2000, detail.length())))
                    .setParameter("date", date).setParameter("family", family).setParameter("due", due)
                    .executeUpdate();
            return true;
        });
    }
}
