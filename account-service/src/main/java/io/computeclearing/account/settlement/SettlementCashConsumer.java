package io.computeclearing.account.settlement;

import io.computeclearing.account.cycle.SettlementCycles;
import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.events.settlement.SettlementEvents;
import io.computeclearing.platform.events.settlement.SettlementEvents.SettlementCashPosted;
import io.computeclearing.platform.parking.Consumption;
import io.computeclearing.platform.parking.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Books variation margin and final settlement cash posted by settlement-service. Each event is applied at most once
 * (the inbox record commits with the journal entry), and each posting once whatever event carries it. Cash is never
 * skipped: a record that cannot be read or booked is parked with the account's later postings, and an admin replays
 * them once the cause is fixed; other accounts' cash goes on. The close of a settlement cycle for an account comes
 * after its postings on the same partition and goes to {@link SettlementCycles}.
 */
@ApplicationScoped
public class SettlementCashConsumer implements EventConsumer {

    /** The incoming channel, bound to {@code ccp.settlement.cash.v1} in application.properties. */
    public static final String CHANNEL = "settlement-cash";

    private static final Logger LOG = Logger.getLogger(SettlementCashConsumer.class);

    private final Consumption consumption;
    private final SettlementCash cash;
    private final SettlementCycles cycles;

    public SettlementCashConsumer(Consumption consumption, SettlementCash cash, SettlementCycles cycles) {
        this.consumption = consumption;
        this.cash = cash;
        this.cycles = cycles;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public List<EventType<?>> accepts() {
        return List.of(SettlementEvents.SETTLEMENT_CASH_POSTED, SettlementEvents.ACCOUNT_CYCLE_SETTLED);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        consumption.apply(this, record);
    }

    @Override
    public void apply(EventEnvelope envelope) {
        if (envelope.is(SettlementEvents.ACCOUNT_CYCLE_SETTLED)) {
            cycles.cashSettled(envelope.id(), EventCodec.payload(envelope, SettlementEvents.ACCOUNT_CYCLE_SETTLED));
            return;
        }
        SettlementCashPosted posted = EventCodec.payload(envelope, SettlementEvents.SETTLEMENT_CASH_POSTED);
        SettlementCash.Outcome outcome = cash.book(envelope.id(), posted);
        LOG.debugf("settlement posting %s (event %s): %s", posted.postingId(), envelope.id(), outcome);
    }
}
