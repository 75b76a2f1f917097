package io.computeclearing.risk.defaults;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.events.clearing.ClearingEvents;
import io.computeclearing.platform.events.clearing.ClearingEvents.PositionsTransferred;
import io.computeclearing.platform.parking.Consumption;
import io.computeclearing.platform.parking.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/**
 * Clearing-service's answers to default-management transfers: booked ({@code PositionsTransferred}, read once, from
 * the copy keyed by the defaulter's account) or refused. An answer to a transfer risk-service never instructed parks.
 */
@ApplicationScoped
public class PositionTransferConsumer implements EventConsumer {

    /** Incoming channel (consumer group {@code risk-service.position-transfers}), bound to ccp.clearing.trades.v1. */
    public static final String CHANNEL = "position-transfers";

    private final Consumption consumption;
    private final DefaultTransfers transfers;

    public PositionTransferConsumer(Consumption consumption, DefaultTransfers transfers) {
        this.consumption = consumption;
        this.transfers = transfers;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public List<EventType<?>> accepts() {
        return List.of(ClearingEvents.POSITIONS_TRANSFERRED, ClearingEvents.POSITION_TRANSFER_REFUSED);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        consumption.apply(this, record);
    }

    @Override
    public void apply(EventEnvelope event) {
        if (event.is(ClearingEvents.POSITIONS_TRANSFERRED)) {
            PositionsTransferred booked = EventCodec.payload(event, ClearingEvents.POSITIONS_TRANSFERRED);
            if (booked.accountId() != null && booked.accountId().equals(booked.fromAccountId())) {
                transfers.booked(booked);
            }
        } else {
            transfers.refused(EventCodec.payload(event, ClearingEvents.POSITION_TRANSFER_REFUSED));
        }
    }
}
