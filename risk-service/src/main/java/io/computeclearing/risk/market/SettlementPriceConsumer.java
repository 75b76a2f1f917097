package io.computeclearing.risk.market;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.parking.Consumption;
import io.computeclearing.platform.parking.EventConsumer;
import io.computeclearing.platform.events.settlement.SettlementEvents;
import io.computeclearing.platform.events.settlement.SettlementEvents.SettlementPricePublished;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Clock;
import java.util.List;

/**
 * Keeps every daily settlement price with its history: per instrument and business date the latest version (a
 * republication before the run replaces it). The stress run revalues at a date's prices; backtesting reads the history.
 */
@ApplicationScoped
public class SettlementPriceConsumer implements EventConsumer {

    /** Incoming channel (consumer group {@code risk-service.settlement-prices}). */
    public static final String CHANNEL = "settlement-prices";

    private final Consumption consumption;
    private final EntityManager em;
    private final Clock clock;

    public SettlementPriceConsumer(Consumption consumption, EntityManager em, Clock clock) {
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
        return List.of(SettlementEvents.SETTLEMENT_PRICE_PUBLISHED);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        consumption.apply(this, record);
    }

    @Override
    public void apply(EventEnvelope event) {
        SettlementPricePublished p = EventCodec.payload(event, SettlementEvents.SETTLEMENT_PRICE_PUBLISHED);
        em.createNativeQuery("""
                        insert into risk_settlement_price (instrument_id, business_date, price, currency, version,
                                                           published_at)
                        values (:instrument, :date, :price, :currency, :version, :at)
                        on conflict (instrument_id, business_date) do update set price = excluded.price,
                            currency = excluded.currency, version = excluded.version,
                            published_at = excluded.published_at
                        where risk_settlement_price.version < excluded.version""")
                .setParameter("instrument", p.instrumentId()).setParameter("date", p.businessDate())
                .setParameter("price", p.price()).setParameter("currency", p.currency())
                .setParameter("version", p.version()).setParameter("at", p.publishedAt())
                .executeUpdate();
    }
}
