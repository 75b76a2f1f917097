package io.computeclearing.account.settlement;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.settlement.SettlementEvents;
import io.computeclearing.platform.events.settlement.SettlementEvents.SettlementCashPosted;
import io.computeclearing.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Books variation margin and final settlement cash posted by settlement-service. Each event is applied at most once
 * (the inbox record commits with the journal entry), and each posting once whatever event carries it. Cash is never
 * skipped: a record that cannot be read or booked fails the channel (failure strategy {@code fail}), and the service
 * resumes from it once the cause is fixed. Other event types on the topic are ignored.
 */
@ApplicationScoped
public class SettlementCashConsumer {

    /** The incoming channel, bound to {@code ccp.settlement.cash.v1} in application.properties. */
    public static final String CHANNEL = "settlement-cash";

    private static final Logger LOG = Logger.getLogger(SettlementCashConsumer.class);

    private final Inbox inbox;
    private final SettlementCash cash;

    public SettlementCashConsumer(Inbox inbox, SettlementCash cash) {
        this.inbox = inbox;
        this.cash = cash;
    }

    @Incoming(CHANNEL)
    @Blocking
    @Transactional
    public void consume(String record) {
        inbox.receive(CHANNEL, record, SettlementEvents.SETTLEMENT_CASH_POSTED).ifPresent(this::book);
    }

    private void book(EventEnvelope envelope) {
        SettlementCashPosted posted = EventCodec.payload(envelope, SettlementEvents.SETTLEMENT_CASH_POSTED);
        SettlementCash.Outcome outcome = cash.book(envelope.id(), posted);
        LOG.debugf("settlement posting %s (event %s): %s", posted.postingId(), envelope.id(), outcome);
    }
}
