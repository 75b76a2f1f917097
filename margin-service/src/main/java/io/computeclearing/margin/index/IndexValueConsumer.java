package io.computeclearing.margin.index;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.events.settlement.SettlementEvents;
import io.computeclearing.platform.events.settlement.SettlementEvents.IndexValuePublished;
import io.computeclearing.platform.parking.Consumption;
import io.computeclearing.platform.parking.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Keeps the history of every index settlement-service publishes, the latest version per index and date: the market
 * data risk parameter proposals are estimated from. A redelivered event or an older version changes nothing.
 */
@ApplicationScoped
public class IndexValueConsumer implements EventConsumer {

    /** Incoming channel, bound to {@code ccp.settlement.indices.v1}. */
    public static final String CHANNEL = "index-values";

    private static final Logger LOG = Logger.getLogger(IndexValueConsumer.class);

    private final Consumption consumption;

    public IndexValueConsumer(Consumption consumption) {
        this.consumption = consumption;
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
    public void onIndexEvent(ConsumerRecord<String, String> record) {
        consumption.apply(this, record);
    }

    @Override
    public void apply(EventEnvelope event) {
        keep(EventCodec.payload(event, SettlementEvents.INDEX_VALUE_PUBLISHED));
    }

    /** Keeps the highest version of each index value. */
    private static void keep(IndexValuePublished published) {
        IndexValue held = IndexValue.findById(new IndexValue.Key(published.indexId(), published.valueDate()));
        if (held != null && held.version >= published.version()) {
            LOG.infof("index %s %s version %d ignored: version %d is held", published.indexId(),
                    published.valueDate(), published.version(), held.version);
            return;
        }
        IndexValue row = held != null ? held : new IndexValue();
        row.indexId = published.indexId();
        row.valueDate = published.valueDate();
        row.value = published.value();
        row.currency = published.currency();
        row.version = published.version();
        row.source = published.source() == null ? "PROVIDER" : published.source();
        row.publishedAt = published.publishedAt();
        if (held == null) {
            row.persist();
        }
    }
}
