package io.computeclearing.risk.backtesting;

import io.computeclearing.platform.events.risk.RiskEvents;
import io.computeclearing.platform.events.risk.RiskEvents.BacktestTrafficLightChanged;
import io.computeclearing.platform.outbox.Outbox;
import io.computeclearing.risk.backtest.BacktestResult;
import io.computeclearing.risk.backtest.TrafficLight;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Each product family's traffic light per holding period, as of the latest day observed: when it differs from the
 * light the family last showed (green before any), {@code BacktestTrafficLightChanged} goes out through the outbox
 * (key the family) in the observing transaction, so once per change.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class FamilyLights {

    private static final Logger LOG = Logger.getLogger(FamilyLights.class);

    private final EntityManager em;
    private final BacktestQueries queries;
    private final Outbox outbox;
    private final Clock clock;

    FamilyLights(EntityManager em, BacktestQueries queries, Outbox outbox, Clock clock) {
        this.em = em;
        this.queries = queries;
        this.outbox = outbox;
        this.clock = clock;
    }

    void update(LocalDate date) {
        for (int h : DailyBacktests.HOLDING_DAYS) {
            for (String family : queries.families(h, date)) {
                BacktestResult result = queries.family(family, h, date);
                List<?> last = em.createNativeQuery("""
                                select light from backtest_family_light where family = :family and holding_days = :h""")
                        .setParameter("family", family).setParameter("h", h).getResultList();
                TrafficLight previous = last.isEmpty() ? TrafficLight.GREEN
                        : TrafficLight.valueOf(((String) last.getFirst()).strip());
                if (result.light() == previous) {
                    continue;
                }
                Instant at = clock.instant();
                em.createNativeQuery("""
                                insert into backtest_family_light (family, holding_days, light, business_date,
                                                                   changed_at)
                                values (:family, :h, :light, :date, :at)
                                on conflict (family, holding_days) do update set light = excluded.light,
                                    business_date = excluded.business_date, changed_at = excluded.changed_at""")
                        .setParameter("family", family).setParameter("h", h)
                        .setParameter("light", result.light().name()).setParameter("date", date)
                        .setParameter("at", at).executeUpdate();
                outbox.record(RiskEvents.BACKTEST_TRAFFIC_LIGHT_CHANGED, family, new BacktestTrafficLightChanged(
                        family, date, h, result.exceedances(), result.observations(), result.light().name(),
                        previous.name(), at));
                LOG.infof("backtest of %s over %d day(s) turned %s on %s: %d exceedances in %d observations", family,
                        h, result.light(), date, result.exceedances(), result.observations());
            }
        }
    }
}
