package io.computeclearing.risk.market;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.parking.Consumption;
import io.computeclearing.platform.parking.EventConsumer;
import io.computeclearing.platform.events.clearing.ClearingEvents;
import io.computeclearing.platform.events.clearing.ClearingEvents.InstrumentListed;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Clock;
import java.util.List;

/**
 * Keeps the instruments clearing-service lists: family, contract month, currency, contract unit and underlying index,
 * which a scenario's shocks are matched against; a re-listing replaces the terms, a status change the status.
 */
@ApplicationScoped
public class InstrumentConsumer implements EventConsumer {

    /** Incoming channel (consumer group {@code risk-service.instruments}). */
    public static final String CHANNEL = "instruments";

    private final Consumption consumption;
    private final EntityManager em;
    private final Clock clock;

    public InstrumentConsumer(Consumption consumption, EntityManager em, Clock clock) {
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
        return List.of(ClearingEvents.INSTRUMENT_LISTED, ClearingEvents.INSTRUMENT_STATUS_CHANGED);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        consumption.apply(this, record);
    }

    @Override
    public void apply(EventEnvelope event) {
        if (event.is(ClearingEvents.INSTRUMENT_LISTED)) {
            InstrumentListed i = EventCodec.payload(event, ClearingEvents.INSTRUMENT_LISTED);
            em.createNativeQuery("""
                            insert into risk_instrument (instrument_id, family, contract_month, last_trading_day,
                                                         currency, contract_unit, underlying_index_id, status,
                                                         updated_at)
                            values (:id, :family, :month, :ltd, :currency, :unit, :index, :status, :at)
                            on conflict (instrument_id) do update set family = excluded.family,
                                contract_month = excluded.contract_month, last_trading_day = excluded.last_trading_day,
                                currency = excluded.currency, contract_unit = excluded.contract_unit,
                                underlying_index_id = excluded.underlying_index_id, status = excluded.status,
                                updated_at = excluded.updated_at""")
                    .setParameter("id", i.instrumentId()).setParameter("family", i.family())
                    .setParameter("month", i.contractMonth()).setParameter("ltd", i.lastTradingDay())
                    .setParameter("currency", i.currency()).setParameter("unit", i.contractUnit())
                    .setParameter("index", i.underlyingIndexId()).setParameter("status", i.status())
                    .setParameter("at", clock.instant())
                    .executeUpdate();
        } else {
            var changed = EventCodec.payload(event, ClearingEvents.INSTRUMENT_STATUS_CHANGED);
            // A status for an instrument never listed here changes nothing: there are no terms to keep it with.
            em.createNativeQuery("update risk_instrument set status = :status, updated_at = :at where instrument_id = :id")
                    .setParameter("status", changed.status()).setParameter("at", clock.instant())
                    .setParameter("id", changed.instrumentId())
                    .executeUpdate();
        }
    }
}
