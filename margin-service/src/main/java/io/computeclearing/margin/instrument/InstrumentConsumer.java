package io.computeclearing.margin.instrument;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.events.clearing.ClearingEvents;
import io.computeclearing.platform.events.clearing.ClearingEvents.InstrumentListed;
import io.computeclearing.platform.events.clearing.ClearingEvents.InstrumentStatusChanged;
import io.computeclearing.platform.parking.Consumption;
import io.computeclearing.platform.parking.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;

/**
 * Keeps the instruments clearing-service lists and their status: which contract months exist (what-if margin accepts
 * only those) and which index is behind each family (what parameter proposals are estimated from). Each event goes
 * through the inbox in the transaction that applies it; events of one instrument arrive in order (keyed by it).
 */
@ApplicationScoped
public class InstrumentConsumer implements EventConsumer {

    /** Incoming channel, bound to {@code ccp.clearing.instruments.v1}. */
    public static final String CHANNEL = "instruments";

    private static final Logger LOG = Logger.getLogger(InstrumentConsumer.class);

    private final Consumption consumption;
    private final Clock clock;

    public InstrumentConsumer(Consumption consumption, Clock clock) {
        this.consumption = consumption;
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
    public void onInstrumentEvent(ConsumerRecord<String, String> record) {
        consumption.apply(this, record);
    }

    @Override
    public void apply(EventEnvelope event) {
        if (event.is(ClearingEvents.INSTRUMENT_LISTED)) {
            list(EventCodec.payload(event, ClearingEvents.INSTRUMENT_LISTED));
        } else {
            change(EventCodec.payload(event, ClearingEvents.INSTRUMENT_STATUS_CHANGED));
        }
    }

    private void list(InstrumentListed listed) {
        ListedInstrument held = ListedInstrument.findById(listed.instrumentId());
        ListedInstrument row = held != null ? held : new ListedInstrument();
        row.instrumentId = listed.instrumentId();
        row.family = listed.family();
        row.contractMonth = listed.contractMonth();
        row.lastTradingDay = listed.lastTradingDay();
        row.currency = listed.currency();
        row.contractUnit = listed.contractUnit();
        row.underlyingIndexId = listed.underlyingIndexId();
        row.finalSettlementRule = listed.finalSettlementRule();
        row.status = listed.status();
        row.listedAt = listed.listedAt();
        row.updatedAt = clock.instant();
        if (held == null) {
            row.persist();
        }
    }

    private void change(InstrumentStatusChanged changed) {
        ListedInstrument held = ListedInstrument.findById(changed.instrumentId());
        if (held == null) {
            LOG.warnf("status %s of %s ignored: the instrument was never listed", changed.status(),
                    changed.instrumentId());
            return;
        }
        held.status = changed.status();
        held.updatedAt = clock.instant();
    }
}
