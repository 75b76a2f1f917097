package io.computeclearing.margin.position;

import io.computeclearing.margin.requirement.MarginCalculation;
import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.clearing.ClearingEvents;
import io.computeclearing.platform.events.clearing.ClearingEvents.PositionChanged;
import io.computeclearing.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Clock;

/**
 * Keeps each account's latest positions from clearing-service and recomputes the account's margin on every change.
 * The inbox record, the position, the stored requirement and the outbox event commit together, so a redelivered event
 * changes nothing; an older version than the one held is recorded in the inbox and otherwise ignored.
 */
@ApplicationScoped
public class PositionConsumer {

    /** Incoming channel, bound to {@code ccp.clearing.positions.v1}. */
    public static final String CHANNEL = "positions";

    private static final Logger LOG = Logger.getLogger(PositionConsumer.class);

    private final Inbox inbox;
    private final MarginCalculation margin;
    private final Clock clock;

    public PositionConsumer(Inbox inbox, MarginCalculation margin, Clock clock) {
        this.inbox = inbox;
        this.margin = margin;
        this.clock = clock;
    }

    @Incoming(CHANNEL)
    @Blocking
    @Transactional
    public void onPositionEvent(String message) {
        inbox.receive(CHANNEL, message, ClearingEvents.POSITION_CHANGED).ifPresent(event -> {
            PositionChanged change = EventCodec.payload(event, ClearingEvents.POSITION_CHANGED);
            if (apply(change)) {
                margin.recompute(change.accountId());
            }
        });
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
