package io.computeclearing.risk.market;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.parking.Consumption;
import io.computeclearing.platform.parking.EventConsumer;
import io.computeclearing.platform.events.settlement.SettlementEvents;
import io.computeclearing.platform.events.settlement.SettlementEvents.FinalSettlementCompleted;
import io.computeclearing.platform.events.settlement.SettlementEvents.SettlementPricePublished;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Keeps every daily settlement price with its history: per instrument and business date the latest version (a
 * republication before the run replaces it). A final settlement is the instrument's price of its last trading day and
 * replaces any daily price of that date for good. The stress run revalues at a date's prices; backtesting reads the
 * history.
 */
@ApplicationScoped
public class SettlementPriceConsumer implements EventConsumer {

    /** Incoming channel (consumer group {@code risk-service.settlement-prices}). */
    public static final String CHANNEL = "settlement-prices";
    /** The version a final settlement is stored under: above every daily version, so nothing replaces it. */
    static final int FINAL = Integer.MAX_VALUE;

    private final Consumption consumption;
    private final EntityManager em;

    public SettlementPriceConsumer(Consumption consumption, EntityManager em) {
        this.consumption = consumption;
        this.em = em;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public List<EventType<?>> accepts() {
        return List.of(SettlementEvents.SETTLEMENT_PRICE_PUBLISHED, SettlementEvents.FINAL_SETTLEMENT_COMPLETED);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        consumption.apply(this, record);
    }

    @Override
    public void apply(EventEnvelope event) {
        if (event.type().equals(SettlementEvents.FINAL_SETTLEMENT_COMPLETED.name())) {
            FinalSettlementCompleted f = EventCodec.payload(event, SettlementEvents.FINAL_SETTLEMENT_COMPLETED);
            record(f.instrumentId(), f.businessDate(), f.finalSettlementPrice(), f.currency(), FINAL, f.settledAt());
        } else {
            SettlementPricePublished p = EventCodec.payload(event, SettlementEvents.SETTLEMENT_PRICE_PUBLISHED);
            record(p.instrumentId(), p.businessDate(), p.price(), p.currency(), p.version(), p.publishedAt());
        }
    }

    private void record(String instrument, LocalDate date, BigDecimal price, String currency, int version,
                        Instant at) {
        em.createNativeQuery("""
                        insert into risk_settlement_price (instrument_id, business_date, price, currency, version,
                                                           published_at)
                        values (:instrument, :date, :price, :currency, :version, :at)
                        on conflict (instrument_id, business_date) do update set price = excluded.price,
                            currency = excluded.currency, version = excluded.version,
                            published_at = excluded.published_at
                        where risk_settlement_price.version < excluded.version""")
                .setParameter("instrument", instrument).setParameter("date", date)
                .setParameter("price", price).setParameter("currency", currency)
                .setParameter("version", version).setParameter("at", at)
                .executeUpdate();
    }
}
