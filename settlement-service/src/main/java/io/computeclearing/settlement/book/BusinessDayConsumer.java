package io.computeclearing.settlement.book;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.events.clearing.ClearingEvents;
import io.computeclearing.platform.events.clearing.ClearingEvents.BusinessDayClosed;
import io.computeclearing.platform.parking.Consumption;
import io.computeclearing.platform.parking.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/**
 * Records the business days clearing-service closed, with the number of trade events that belong to each; the
 * end-of-day run of a date waits for the close and for that many events.
 */
@ApplicationScoped
public class BusinessDayConsumer implements EventConsumer {

    /** Incoming channel, bound to {@code ccp.clearing.days.v1}. */
    public static final String CHANNEL = "business-days";

    private final Consumption consumption;
    private final EntityManager em;

    public BusinessDayConsumer(Consumption consumption, EntityManager em) {
        this.consumption = consumption;
        this.em = em;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public List<EventType<?>> accepts() {
        return List.of(ClearingEvents.BUSINESS_DAY_CLOSED);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onBusinessDayEvent(ConsumerRecord<String, String> record) {
        consumption.apply(this, record);
    }

    @Override
    public void apply(EventEnvelope event) {
        record(EventCodec.payload(event, ClearingEvents.BUSINESS_DAY_CLOSED));
    }

    private void record(BusinessDayClosed closed) {
        em.createNativeQuery("""
                        insert into settlement_closed_day (business_date, trade_legs_cleared, trade_legs_busted,
                                                           give_ups_accepted, closed_at)
                        values (:date, :cleared, :busted, :giveUps, :closedAt)
                        on conflict (business_date) do update set trade_legs_cleared = excluded.trade_legs_cleared,
                            trade_legs_busted = excluded.trade_legs_busted, give_ups_accepted = excluded.give_ups_accepted,
                            closed_at = excluded.closed_at""")
                .setParameter("date", closed.businessDate())
                .setParameter("cleared", closed.tradeLegsCleared())
                .setParameter("busted", closed.tradeLegsBusted())
                .setParameter("giveUps", closed.giveUpsAccepted())
                .setParameter("closedAt", closed.closedAt())
                .executeUpdate();
    }
}
