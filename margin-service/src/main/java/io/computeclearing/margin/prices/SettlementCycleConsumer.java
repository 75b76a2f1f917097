package io.computeclearing.margin.prices;

import io.computeclearing.margin.requirement.CycleMarks;
import io.computeclearing.margin.requirement.MarginCalculation;
import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.events.settlement.SettlementEvents;
import io.computeclearing.platform.events.settlement.SettlementEvents.AccountCycleSettled;
import io.computeclearing.platform.parking.Consumption;
import io.computeclearing.platform.parking.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/**
 * Margins each account at the prices of a settlement cycle once the cycle is closed for it, and publishes the
 * requirement with the cycle id: account-service issues the cycle's margin call from that requirement and the
 * cycle's postings, whatever order the two arrive in. The positions are the account's as this service holds them.
 * An intraday cycle's prices are kept as the instruments' reference prices until the day's settlement prices arrive.
 * The inbox record, the requirement and its outbox event commit together; a redelivered event changes nothing.
 */
@ApplicationScoped
public class SettlementCycleConsumer implements EventConsumer {

    /** Incoming channel, bound to {@code ccp.settlement.cash.v1}; the cash postings on it are passed over. */
    public static final String CHANNEL = "settlement-cycles";

    private final Consumption consumption;
    private final MarginCalculation margin;
    private final EntityManager em;

    public SettlementCycleConsumer(Consumption consumption, MarginCalculation margin, EntityManager em) {
        this.consumption = consumption;
        this.margin = margin;
        this.em = em;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public List<EventType<?>> accepts() {
        return List.of(SettlementEvents.ACCOUNT_CYCLE_SETTLED);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onCycle(ConsumerRecord<String, String> record) {
        consumption.apply(this, record);
    }

    @Override
    public void apply(EventEnvelope event) {
        AccountCycleSettled cycle = EventCodec.payload(event, SettlementEvents.ACCOUNT_CYCLE_SETTLED);
        if (cycle.accountId() == null || cycle.cycleId() == null || cycle.businessDate() == null
                || cycle.prices() == null || cycle.settledAt() == null) {
            throw new IllegalStateException("settlement cycle event " + event.id() + " lacks accountId, cycleId, "
                    + "businessDate, prices or settledAt");
        }
        if (!cycle.cycleId().equals(AccountCycleSettled.endOfDay(cycle.businessDate()))) {
            // an intraday cycle's prices are the reference prices until the day's settlement prices arrive
            cycle.prices().stream().filter(p -> "DAILY".equals(p.kind())).forEach(p -> em.createNativeQuery("""
                            insert into cycle_price (instrument_id, cycle_id, business_date, price, settled_at)
                            values (:instrument, :cycle, :date, :price, :at) on conflict do nothing""")
                    .setParameter("instrument", p.instrumentId()).setParameter("cycle", cycle.cycleId())
                    .setParameter("date", cycle.businessDate()).setParameter("price", p.price())
                    .setParameter("at", cycle.settledAt()).executeUpdate());
        }
        margin.recomputeForCycle(cycle.accountId(), cycle.cycleId(), CycleMarks.of(cycle.prices()));
    }
}
