package io.computeclearing.clearing.settlement;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.settlement.SettlementEvents;
import io.computeclearing.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Closes instruments settlement-service has finally settled ({@code FinalSettlementCompleted} on
 * {@code ccp.settlement.prices.v1}); daily settlement prices on the same topic are not clearing's business. The inbox
 * record and the closing commit together, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class FinalSettlementConsumer {

    /** Incoming channel, bound to {@code ccp.settlement.prices.v1}. */
    public static final String CHANNEL = "settlement-prices";

    private final Inbox inbox;
    private final FinalSettlements settlements;

    public FinalSettlementConsumer(Inbox inbox, FinalSettlements settlements) {
        this.inbox = inbox;
        this.settlements = settlements;
    }

    @Incoming(CHANNEL)
    @Blocking
    @Transactional
    public void onSettlementEvent(String message) {
        inbox.receive(CHANNEL, message, SettlementEvents.FINAL_SETTLEMENT_COMPLETED).ifPresent(event ->
                settlements.close(EventCodec.payload(event, SettlementEvents.FINAL_SETTLEMENT_COMPLETED), event.id()));
    }
}
