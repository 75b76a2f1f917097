package io.computeclearing.risk.market;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.parking.Consumption;
import io.computeclearing.platform.parking.EventConsumer;
import io.computeclearing.platform.events.clearing.ClearingEvents;
import io.computeclearing.platform.events.clearing.ClearingEvents.PositionChanged;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Clock;
import java.util.List;

/**
 * Keeps each account's latest position per instrument from clearing-service: the highest version wins, an older one
 * is recorded in the inbox and otherwise ignored.
 */
@ApplicationScoped
public class PositionConsumer implements EventConsumer {

    /** Incoming channel (consumer group {@code risk-service.positions}). */
    public static final String CHANNEL = "positions";

    private final Consumption consumption;
    private final EntityManager em;
    private final Clock clock;

    public PositionConsumer(Consumption consumption, EntityManager em, Clock clock) {
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
        return List.of(ClearingEvents.POSITION_CHANGED);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        consumption.apply(this, record);
    }

    @Override
    public void apply(EventEnvelope event) {
        PositionChanged p = EventCodec.payload(event, ClearingEvents.POSITION_CHANGED);
        em.createNativeQuery("""
                        insert into risk_position (account_id, instrument_id, member_id, long_quantity, short_quantity,
                                                   net_quantity, business_date, version, updated_at)
                        values (:account, :instrument, :member, :long, :short, :net, :date, :version, :at)
                        on conflict (account_id, instrument_id) do update set member_id = excluded.member_id,
                            long_quantity = excluded.long_quantity, short_quantity = excluded.short_quantity,
                            net_quantity = excluded.net_quantity, business_date = excluded.business_date,
                            version = excluded.version, updated_at = excluded.updated_at
                        where risk_position.version < excluded.version""")
                .setParameter("account", p.accountId()).setParameter("instrument", p.instrumentId())
                .setParameter("member", p.memberId()).setParameter("long", p.longQuantity())
                .setParameter("short", p.shortQuantity()).setParameter("net", p.netQuantity())
                .setParameter("date", p.businessDate()).setParameter("version", p.version())
                .setParameter("at", clock.instant())
                .executeUpdate();
    }
}
