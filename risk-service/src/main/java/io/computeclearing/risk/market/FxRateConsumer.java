package io.computeclearing.risk.market;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.parking.Consumption;
import io.computeclearing.platform.parking.EventConsumer;
import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.events.account.AccountEvents.FxRateRecorded;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Clock;
import java.util.List;

/**
 * Keeps the history of exchange rates account-service records; a stress run converts CNY at the USD/CNY rate in force
 * at its business date's end.
 */
@ApplicationScoped
public class FxRateConsumer implements EventConsumer {

    /** Incoming channel (consumer group {@code risk-service.fx-rates}). */
    public static final String CHANNEL = "fx-rates";

    private final Consumption consumption;
    private final EntityManager em;
    private final Clock clock;

    public FxRateConsumer(Consumption consumption, EntityManager em, Clock clock) {
        this.consumption = consumption;
        this.em = em;
        this.clock = clock;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public List<EventType<?>> accepts() {
        return List.of(AccountEvents.FX_RATE_RECORDED);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        consumption.apply(this, record);
    }

    @Override
    public void apply(EventEnvelope event) {
        FxRateRecorded r = EventCodec.payload(event, AccountEvents.FX_RATE_RECORDED);
        em.createNativeQuery("""
                        insert into risk_fx_rate (base_currency, quote_currency, as_of, rate, recorded_at)
                        values (:base, :quote, :asOf, :rate, :at)
                        on conflict (base_currency, quote_currency, as_of) do update set rate = excluded.rate,
                            recorded_at = excluded.recorded_at""")
                .setParameter("base", r.baseCurrency()).setParameter("quote", r.quoteCurrency())
                .setParameter("asOf", r.asOf()).setParameter("rate", r.rate()).setParameter("at", r.recordedAt())
                .executeUpdate();
    }
}
