package io.computeclearing.risk.stress;

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
 * Settlement's completed end-of-day runs: each is recorded as waiting for its stress run, which
 * {@link WaitingStressRuns} makes as soon as the date's prices and rates have arrived. They come on other topics, in no
 * order against this one, so a missing input is a normal wait, not a reason to park the event.
 */
@ApplicationScoped
public class EndOfDayRunConsumer implements EventConsumer {

    /** Incoming channel (consumer group {@code risk-service.end-of-day-runs}), bound to {@code ccp.settlement.runs.v1}. */
    public static final String CHANNEL = "end-of-day-runs";

    private final Consumption consumption;
    private final EntityManager em;
    private final EndOfDayPrices prices;

    public EndOfDayRunConsumer(Consumption consumption, EntityManager em, EndOfDayPrices prices) {
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
        em.createNativeQuery("""
                        insert into risk_end_of_day_run (business_date, accounts_settled, postings, completed_at)
                        values (:date, :accounts, :postings, :at)
                        on conflict (business_date) do update set accounts_settled = excluded.accounts_settled,
                            postings = excluded.postings, completed_at = excluded.completed_at, stress_run_id = null""")
                .setParameter("date", run.businessDate()).setParameter("accounts", run.accountsSettled())
                .setParameter("postings", run.postings()).setParameter("at", run.completedAt())
                .executeUpdate();
    }
}
