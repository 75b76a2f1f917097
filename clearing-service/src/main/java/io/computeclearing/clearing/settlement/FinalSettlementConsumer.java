package io.computeclearing.clearing.settlement;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.events.settlement.SettlementEvents;
import io.computeclearing.platform.parking.Consumption;
import io.computeclearing.platform.parking.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/**
 * Closes instruments settlement-service has finally settled ({@code FinalSettlementCompleted} on
 * {@code ccp.settlement.prices.v1}); daily settlement prices on the same topic are not clearing's business. The inbox
 * record and the closing commit together, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class FinalSettlementConsumer implements EventConsumer {

    /** Incoming channel, bound to {@code ccp.settlement.prices.v1}. */
    public static final String CHANNEL = "settlement-prices";

    private final Consumption consumption;
    private final FinalSettlements settlements;

    public FinalSettlementConsumer(Consumption consumption, FinalSettlements settlements) {
        this.consumption = consumption;
        this.settlements = settlements;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public List<EventType<?>> accepts() {
        return List.of(SettlementEvents.FINAL_SETTLEMENT_COMPLETED);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onSettlementEvent(ConsumerRecord<String, String> record) {
        consumption.apply(this, record);
    }

    @Override
    public void apply(EventEnvelope event) {
        settlements.close(EventCodec.payload(event, SettlementEvents.FINAL_SETTLEMENT_COMPLETED), event.id());
    }
}
