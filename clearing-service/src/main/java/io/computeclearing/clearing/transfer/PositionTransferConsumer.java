package io.computeclearing.clearing.transfer;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.events.risk.RiskEvents;
import io.computeclearing.platform.parking.Consumption;
import io.computeclearing.platform.parking.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/**
 * Takes default management's position transfers ({@code PositionTransferInstructed} from risk-service on
 * {@code ccp.risk.v1}; the topic's other events are not clearing's business) and books or refuses each, once: the
 * inbox record and the booking commit together. A group of its own, so that no other channel of the service on the
 * topic would share out its partitions. An instruction that cannot be applied is parked with the defaulter account's
 * later ones (the key is the giving account), never skipped.
 */
@ApplicationScoped
public class PositionTransferConsumer implements EventConsumer {

    /** Incoming channel, bound to {@code ccp.risk.v1} with group {@code clearing-service.position-transfers}. */
    public static final String CHANNEL = "position-transfers";

    private final Consumption consumption;
    private final PositionTransfers transfers;

    public PositionTransferConsumer(Consumption consumption, PositionTransfers transfers) {
        this.consumption = consumption;
        this.transfers = transfers;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public List<EventType<?>> accepts() {
        return List.of(RiskEvents.POSITION_TRANSFER_INSTRUCTED);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onRiskEvent(ConsumerRecord<String, String> record) {
        consumption.apply(this, record);
    }

    @Override
    public void apply(EventEnvelope event) {
        transfers.apply(EventCodec.payload(event, RiskEvents.POSITION_TRANSFER_INSTRUCTED), event.id());
    }
}
