package io.computeclearing.risk.backtesting;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.events.settlement.SettlementEvents;
import io.computeclearing.platform.events.settlement.SettlementEvents.EndOfDayRunCompleted;
import io.computeclearing.platform.parking.Consumption;
import io.computeclearing.platform.parking.EventConsumer;
import io.computeclearing.risk.market.EndOfDayPrices;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/**
 * Settlement's completed end-of-day runs, for backtesting (a consumer group of its own, beside the stress run's): the
 * positions held as the run completes are kept as that day's, since risk_position keeps only the latest and the next
 * days' observations hold them fixed; the day then waits for {@link WaitingBacktests} to observe it. A date run again
 * is kept again and observed again.
 */
@ApplicationScoped
public class BacktestEndOfDayConsumer implements EventConsumer {

    /** Incoming channel (group {@code risk-service.backtest-end-of-days}) on {@code ccp.settlement.runs.v1}. */
    public static final String CHANNEL = "backtest-end-of-days";

    private final Consumption consumption;
    private final EntityManager em;
    private final EndOfDayPrices prices;

    public BacktestEndOfDayConsumer(Consumption consumption, EntityManager em, EndOfDayPrices prices) {
        this.consumption = consumption;
        this.em = em;
        this.prices = prices;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public List<EventType<?>> accepts() {
        return List.of(SettlementEvents.END_OF_DAY_RUN_COMPLETED);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        consumption.apply(this, record);
    }

    @Override
    public void apply(EventEnvelope event) {
        EndOfDayRunCompleted run = EventCodec.payload(event, SettlementEvents.END_OF_DAY_RUN_COMPLETED);
        prices.record(run);
        for (String table : List.of("backtest_family_observation", "backtest_observation", "backtest_position")) {
            em.createNativeQuery("delete from " + table + " where business_date = :date")
                    .setParameter("date", run.businessDate()).executeUpdate();
        }
        em.createNativeQuery("""
                        insert into backtest_day (business_date, end_of_day_completed_at) values (:date, :at)
                        on conflict (business_date) do update
                            set end_of_day_completed_at = excluded.end_of_day_completed_at, observed_at = null""")
                .setParameter("date", run.businessDate()).setParameter("at", run.completedAt()).executeUpdate();
        em.createNativeQuery("""
                        insert into backtest_position (business_date, account_id, instrument_id, member_id,
                                                       net_quantity)
                        select :date, account_id, instrument_id, member_id, net_quantity from risk_position
                        where net_quantity <> 0""")
                .setParameter("date", run.businessDate()).executeUpdate();
    }
}
