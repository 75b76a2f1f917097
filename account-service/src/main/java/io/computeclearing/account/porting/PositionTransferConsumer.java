package io.computeclearing.account.porting;

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
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Moves a ported client account's collateral once clearing-service has booked the transfer of its positions
 * ({@code PositionsTransferred} with purpose PORTING), in the transaction that records the event in the inbox, so each
 * event is applied once. Only the giving account's copy of the event acts (it is published once keyed by each
 * account); the trade topic's other event types are passed over. A transfer that cannot be ported is parked with the
 * account's later transfers, never skipped.
 */
@ApplicationScoped
public class PositionTransferConsumer implements EventConsumer {

    /**
     * The incoming channel, bound to {@code ccp.clearing.trades.v1} with group
     * {@code account-service.position-transfers}.
     */
    public static final String CHANNEL = "position-transfers";
    /** This consumer's name in the inbox ({@code Inbox.consumerName(CHANNEL)}). */
    public static final String INBOX_CONSUMER = "account-service.position-transfers";

    private static final Logger LOG = Logger.getLogger(PositionTransferConsumer.class);

    private final Consumption consumption;
    private final CollateralPorting porting;

    public PositionTransferConsumer(Consumption consumption, CollateralPorting porting) {
        this.consumption = consumption;
        this.porting = porting;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public List<EventType<?>> accepts() {
        return List.of(ClearingEvents.POSITIONS_TRANSFERRED);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        consumption.apply(this, record);
    }

    @Override
    public void apply(EventEnvelope event) {
        PositionsTransferred transfer = EventCodec.payload(event, ClearingEvents.POSITIONS_TRANSFERRED);
        CollateralPorting.Outcome outcome = porting.port(event.id(), transfer);
        LOG.infof("position transfer %s (%s, default %d) from account %s to %s, %s's copy, event %s: %s",
                transfer.transferId(), transfer.purpose(), transfer.defaultId(), transfer.fromAccountId(),
                transfer.toAccountId(), transfer.accountId(), event.id(), outcome);
    }
}
