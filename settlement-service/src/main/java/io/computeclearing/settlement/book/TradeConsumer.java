package io.computeclearing.settlement.book;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.events.clearing.ClearingEvents;
import io.computeclearing.platform.events.clearing.ClearingEvents.GiveUpAccepted;
import io.computeclearing.platform.events.clearing.ClearingEvents.TradeCleared;
import io.computeclearing.platform.parking.Consumption;
import io.computeclearing.platform.parking.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Books trade legs from clearing-service. A cleared leg is added on its business date; a bust removes the leg from
 * its date; a give-up removes the giving account's leg and adds the receiving account's on the trade's date. Every
 * event is also counted by the date it belongs to, so the end-of-day run can tell it has all of them. The two copies
 * of a give-up (one per account) may come in any order: the first applies it, the second only counts.
 */
@ApplicationScoped
public class TradeConsumer implements EventConsumer {

    /** Incoming channel, bound to {@code ccp.clearing.trades.v1}. */
    public static final String CHANNEL = "trades";

    private static final Logger LOG = Logger.getLogger(TradeConsumer.class);

    private final Consumption consumption;
    private final EntityManager em;
    private final Clock clock;

    public TradeConsumer(Consumption consumption, EntityManager em, Clock clock) {
        this.consumption = consumption;
        this.em = em;
        this.clock = clock;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public List<EventType<?>> accepts() {
        return List.of(ClearingEvents.TRADE_CLEARED, ClearingEvents.TRADE_BUSTED, ClearingEvents.GIVE_UP_ACCEPTED);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onTradeEvent(ConsumerRecord<String, String> record) {
        consumption.apply(this, record);
    }

    @Override
    public void apply(EventEnvelope event) {
        if (event.is(ClearingEvents.TRADE_CLEARED)) {
            TradeCleared cleared = EventCodec.payload(event, ClearingEvents.TRADE_CLEARED);
            book(cleared.legId(), cleared.tradeId(), cleared.accountId(), cleared.memberId(), cleared.instrumentId(),
                    BookedLeg.signed(cleared.side(), cleared.quantity()), cleared.price(), cleared.currency(),
                    cleared.businessDate(),
                    BookedLeg.Origin.CLEARED);
            receipt(event.id(), "CLEARED", cleared.businessDate());
        } else if (event.is(ClearingEvents.TRADE_BUSTED)) {
            var busted = EventCodec.payload(event, ClearingEvents.TRADE_BUSTED);
            remove(busted.legId(), "BUST", busted.businessDate());
            receipt(event.id(), "BUSTED", busted.bustBusinessDate());
        } else if (event.is(ClearingEvents.GIVE_UP_ACCEPTED)) {
            GiveUpAccepted giveUp = EventCodec.payload(event, ClearingEvents.GIVE_UP_ACCEPTED);
            remove(giveUp.fromLegId(), "GIVE_UP", giveUp.businessDate());
            book(giveUp.toLegId(), giveUp.tradeId(), giveUp.toAccountId(), giveUp.toMemberId(), giveUp.instrumentId(),
                    BookedLeg.signed(giveUp.side(), giveUp.quantity()), giveUp.price(), giveUp.currency(),
                    giveUp.businessDate(), BookedLeg.Origin.GIVE_UP);
            receipt(event.id(), "GIVE_UP", giveUp.businessDate());
        }
    }

    private void book(long legId, long tradeId, String accountId, String memberId, String instrumentId, long signed,
                      BigDecimal price, String currency, LocalDate businessDate, BookedLeg.Origin origin) {
        if (BookedLeg.findById(legId) != null) {
            return;
        }
        BookedLeg leg = new BookedLeg();
        leg.legId = legId;
        leg.tradeId = tradeId;
        leg.accountId = accountId;
        leg.memberId = memberId;
        leg.instrumentId = instrumentId;
        leg.signedQuantity = signed;
        leg.price = price;
        leg.currency = currency;
        leg.businessDate = businessDate;
        leg.origin = origin;
        leg.recordedAt = clock.instant();
        leg.persist();
    }

    private void remove(long legId, String reason, LocalDate businessDate) {
        em.createNativeQuery("""
                        insert into settlement_leg_removal (leg_id, reason, business_date, recorded_at)
                        values (:leg, :reason, :date, :at) on conflict do nothing""")
                .setParameter("leg", legId).setParameter("reason", reason).setParameter("date", businessDate)
                .setParameter("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .executeUpdate();
    }

    private void receipt(UUID eventId, String kind, LocalDate businessDate) {
        Number runs = (Number) em.createNativeQuery("select count(*) from eod_run where business_date = :date")
                .setParameter("date", businessDate).getSingleResult();
        if (runs.longValue() > 0) {
            // Clearing closes a date before its run, so this cannot happen unless the two disagree: it changes the
            // positions of later dates without the cash of this one. Booked (the book follows clearing), but loudly.
            LOG.errorf("%s event %s belongs to business date %s, which was already settled; its cash is not in that"
                    + " date's run: reconcile with clearing", kind, eventId, businessDate);
        }
        em.createNativeQuery("""
                        insert into settlement_trade_receipt (event_id, kind, business_date)
                        values (:id, :kind, :date) on conflict do nothing""")
                .setParameter("id", eventId).setParameter("kind", kind).setParameter("date", businessDate)
                .executeUpdate();
    }
}
