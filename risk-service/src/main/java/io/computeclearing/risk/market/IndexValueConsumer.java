package io.computeclearing.risk.market;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.parking.Consumption;
import io.computeclearing.platform.parking.EventConsumer;
import io.computeclearing.platform.events.settlement.SettlementEvents;
import io.computeclearing.platform.events.settlement.SettlementEvents.IndexValuePublished;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Clock;
import java.util.List;

/**
 * Keeps the history of every index: per index and value date the latest version (a restatement replaces the value).
 * Historical scenarios derive their moves from it at run time.
 */
@ApplicationScoped
public class IndexValueConsumer implements EventConsumer {

    /** Incoming channel (consumer group {@code risk-service.index-values}). */
    public static final String CHANNEL = "index-values";

    private final Consumption consumption;
    private final EntityManager em;
    private final Clock clock;

    public IndexValueConsumer(Consumption consumption, EntityManager em, Clock clock) {
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
        return List.of(SettlementEvents.INDEX_VALUE_PUBLISHED);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        consumption.apply(this, record);
    }

    @Override
    public void apply(EventEnvelope event) {
        IndexValuePublished v = EventCodec.payload(event, SettlementEvents.INDEX_VALUE_PUBLISHED);
        em.createNativeQuery("""
                        insert into risk_index_value (index_id, value_date, value, currency, version, published_at)
                        values (:index, :date, :value, :currency, :version, :at)
                        on conflict (index_id, value_date) do update set value = excluded.value,
                            currency = excluded.currency, version = excluded.version,
                            published_at = excluded.published_at
                        where risk_index_value.version < excluded.version""")
                .setParameter("index", v.indexId()).setParameter("date", v.valueDate())
                .setParameter("value", v.value()).setParameter("currency", v.currency())
                .setParameter("version", v.version()).setParameter("at", v.publishedAt())
                .executeUpdate();
    }
}
