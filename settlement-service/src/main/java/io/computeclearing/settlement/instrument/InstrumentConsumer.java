package io.computeclearing.settlement.instrument;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.events.clearing.ClearingEvents;
import io.computeclearing.platform.events.clearing.ClearingEvents.InstrumentListed;
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
 * Keeps the instruments clearing-service lists, with their tick, unit, currency and final settlement rule. A listing
 * seen again (a redelivery or a re-listing) replaces the terms; a status change updates the status.
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
            listed(EventCodec.payload(event, ClearingEvents.INSTRUMENT_LISTED));
        } else if (event.is(ClearingEvents.INSTRUMENT_STATUS_CHANGED)) {
            var changed = EventCodec.payload(event, ClearingEvents.INSTRUMENT_STATUS_CHANGED);
            SettledInstrument instrument = SettledInstrument.findById(changed.instrumentId());
            if (instrument == null) {
                LOG.warnf("status %s for instrument %s, which was never listed here; ignored", changed.status(),
                        changed.instrumentId());
                return;
            }
            instrument.status = changed.status();
            instrument.updatedAt = clock.instant();
        }
    }

    private void listed(InstrumentListed listed) {
        SettledInstrument held = SettledInstrument.findById(listed.instrumentId());
        SettledInstrument instrument = held != null ? held : new SettledInstrument();
        instrument.instrumentId = listed.instrumentId();
        instrument.family = listed.family();
        instrument.contractMonth = listed.contractMonth();
        instrument.lastTradingDay = listed.lastTradingDay();
        instrument.currency = listed.currency();
        instrument.tickSize = listed.tickSize();
        instrument.contractUnit = listed.contractUnit();
        instrument.underlyingIndexId = listed.underlyingIndexId();
        instrument.finalSettlementRule = listed.finalSettlementRule();
        instrument.status = listed.status();
        instrument.updatedAt = clock.instant();
        if (held == null) {
            instrument.persist();
        }
    }
}
