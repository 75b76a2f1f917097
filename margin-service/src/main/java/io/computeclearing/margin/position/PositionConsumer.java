package io.computeclearing.margin.position;

import io.computeclearing.margin.requirement.MarginCalculation;
import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.events.clearing.ClearingEvents;
import io.computeclearing.platform.events.clearing.ClearingEvents.PositionChanged;
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
 * Keeps each account's latest positions from clearing-service and recomputes the account's margin on every change.
 * The inbox record, the position, the stored requirement and the outbox event commit together, so a redelivered event
 * changes nothing; an older version than the one held is recorded in the inbox and otherwise ignored.
 */
@ApplicationScoped
public class PositionConsumer implements EventConsumer {

    /** Incoming channel, bound to {@code ccp.clearing.positions.v1}. */
    public static final String CHANNEL = "positions";

    private static final Logger LOG = Logger.getLogger(PositionConsumer.class);

    private final Consumption consumption;
    private final MarginCalculation margin;
    private final Clock clock;

    public PositionConsumer(Consumption consumption, MarginCalculation margin, Clock clock) {
        this.consumption = consumption;
        this.margin = margin;
        this.clock = clock;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public List<EventType<?>> accepts() {
        return List.of(ClearingEvents.POSITION_CHANGED);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onPositionEvent(ConsumerRecord<String, String> record) {
        consumption.apply(this, record);
    }

    @Override
    public void apply(EventEnvelope event) {
        PositionChanged change = EventCodec.payload(event, ClearingEvents.POSITION_CHANGED);
        if (apply(change)) {
            margin.recompute(change.accountId());
        }
    }

    /** Stores the position unless a version at least as new is held; true if it changed. */
    private boolean apply(PositionChanged change) {
        AccountPosition held = AccountPosition.findById(
                new AccountPosition.Key(change.accountId(), change.instrumentId()));
        if (held != null && held.version >= change.version()) {
            LOG.infof("position %s %s version %d ignored: version %d is held", change.accountId(),
                    change.instrumentId(), change.version(), held.version);
            return false;
        }
        AccountPosition position = held != null ? held : new AccountPosition();
        position.accountId = change.accountId();
        position.instrumentId = change.instrumentId();
        position.memberId = change.memberId();
        position.longQuantity = change.longQuantity();
        position.shortQuantity = change.shortQuantity();
        position.netQuantity = change.netQuantity();
        position.businessDate = change.businessDate();
        position.version = change.version();
        position.updatedAt = clock.instant();
        if (held == null) {
            position.persist();
        }
        return true;
    }
}
