package io.computeclearing.settlement.book;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.clearing.ClearingEvents;
import io.computeclearing.platform.events.clearing.ClearingEvents.BusinessDayClosed;
import io.computeclearing.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Records the business days clearing-service closed, with the number of trade events that belong to each; the
 * end-of-day run of a date waits for the close and for that many events.
 */
@ApplicationScoped
public class BusinessDayConsumer {

    /** Incoming channel, bound to {@code ccp.clearing.days.v1}. */
    public static final String CHANNEL = "business-days";

    private final Inbox inbox;
    private final EntityManager em;

    public BusinessDayConsumer(Inbox inbox, EntityManager em) {
        this.inbox = inbox;
        this.em = em;
    }

    @Incoming(CHANNEL)
    @Blocking
    @Transactional
    public void onBusinessDayEvent(String message) {
        inbox.receive(CHANNEL, message, ClearingEvents.BUSINESS_DAY_CLOSED)
                .ifPresent(event -> record(EventCodec.payload(event, ClearingEvents.BUSINESS_DAY_CLOSED)));
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
