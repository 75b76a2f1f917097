package io.computeclearing.risk.defaultfund;

import io.computeclearing.platform.events.risk.RiskEvents;
import io.computeclearing.platform.events.risk.RiskEvents.DefaultFundShortfall;
import io.computeclearing.platform.outbox.Outbox;
import io.computeclearing.platform.problem.ProblemException;
import io.computeclearing.risk.fund.DefaultFundSizing;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * After each daily stress run, in its transaction: the fund in force against the run's Cover-2. A run above it records
 * the shortfall once and publishes {@code DefaultFundShortfall} (key the business date); the resize it asks for
 * ({@code ccp.default-fund.resize-on-shortfall}) is made in a transaction of its own, tried every
 * {@code shortfall-check-every}, so a resize that cannot be made never undoes the run.
 */
@ApplicationScoped
public class FundShortfalls {

    private static final Logger LOG = Logger.getLogger(FundShortfalls.class);

    private final EntityManager em;
    private final DefaultFundSettings settings;
    private final DefaultFundSizings sizings;
    private final Outbox outbox;
    private final Clock clock;

    FundShortfalls(EntityManager em, DefaultFundSettings settings, DefaultFundSizings sizings, Outbox outbox,
                   Clock clock) {
        this.em = em;
        this.settings = settings;
        this.sizings = sizings;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Compares the daily run {@code runId} with the fund in force; nothing to do before the first sizing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void afterDailyRun(long runId) {
        List<?> inForce = em.createNativeQuery("""
                select sizing_id, fund_size, currency from default_fund_sizing order by sizing_id desc limit 1""")
                .getResultList();
        if (inForce.isEmpty()) {
            return;
        }
        Object[] fund = (Object[]) inForce.getFirst();
        Object[] run = (Object[]) em.createNativeQuery(
                        "select business_date, cover2 from stress_run where run_id = :run")
                .setParameter("run", runId).getSingleResult();
        BigDecimal fundSize = (BigDecimal) fund[1];
        BigDecimal cover2 = (BigDecimal) run[1];
        BigDecimal shortfall = new DefaultFundSizing(settings.policy()).shortfall(fundSize, cover2);
        if (shortfall.signum() == 0) {
            return;
        }
        java.time.LocalDate date = run[0] instanceof java.sql.Date d ? d.toLocalDate() : (java.time.LocalDate) run[0];
        String currency = ((String) fund[2]).strip();
        Instant at = clock.instant();
        int recorded = em.createNativeQuery("""
                        insert into default_fund_shortfall (run_id, business_date, sizing_id, currency, fund_size,
                                                            cover2, shortfall, detected_at)
                        values (:run, :date, :sizing, :currency, :fund, :cover2, :shortfall, :at)
                        on conflict (run_id) do nothing""")
                .setParameter("run", runId).setParameter("date", date)
                .setParameter("sizing", ((Number) fund[0]).longValue()).setParameter("currency", currency)
                .setParameter("fund", fundSize).setParameter("cover2", cover2).setParameter("shortfall", shortfall)
                .setParameter("at", at).executeUpdate();
        if (recorded == 1) {
            outbox.record(RiskEvents.DEFAULT_FUND_SHORTFALL, date.toString(),
                    new DefaultFundShortfall(runId, date, currency, fundSize, cover2, shortfall, at));
            LOG.warnf("the daily stress run %d of %s has Cover-2 %s above the default fund of %s: short by %s %s",
                    runId, date, cover2, fundSize, shortfall, currency);
        }
    }

    @Scheduled(every = "${ccp.default-fund.shortfall-check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void resizePending() {
        if (!settings.resizeOnShortfall()) {
            return;
        }
        for (long runId : pending()) {
            try {
                sizings.resizeAfterShortfall(runId);
            } catch (ProblemException refused) {
                LOG.errorf("the resize after the shortfall of stress run %d was refused: %s", runId,
                        refused.getMessage());
                sizings.resizeRefused(runId, refused.getMessage());
            }
        }
    }

    @Transactional
    @SuppressWarnings("unchecked")
    List<Long> pending() {
        List<Number> ids = em.createNativeQuery("""
                select run_id from default_fund_shortfall where resize_sizing_id is null and resize_refused is null
                order by run_id""").getResultList();
        return ids.stream().map(Number::longValue).toList();
    }
}
