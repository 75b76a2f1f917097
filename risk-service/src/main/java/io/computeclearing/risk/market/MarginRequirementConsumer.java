package io.computeclearing.risk.market;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.parking.Consumption;
import io.computeclearing.platform.parking.EventConsumer;
import io.computeclearing.platform.events.margin.MarginEvents;
import io.computeclearing.platform.events.margin.MarginEvents.MarginRequirementCalculated;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Clock;
import java.util.List;

/**
 * Keeps the history of each account's margin requirements by {@code calculatedAt}, one row per currency; the latest
 * requirement is the initial margin a stress run counts as held.
 */
@ApplicationScoped
public class MarginRequirementConsumer implements EventConsumer {

    /** Incoming channel (consumer group {@code risk-service.margin-requirements}). */
    public static final String CHANNEL = "margin-requirements";

    private final Consumption consumption;
    private final EntityManager em;
    private final Clock clock;

    public MarginRequirementConsumer(Consumption consumption, EntityManager em, Clock clock) {
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
        return List.of(MarginEvents.MARGIN_REQUIREMENT_CALCULATED);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        consumption.apply(this, record);
    }

    @Override
    public void apply(EventEnvelope event) {
        MarginRequirementCalculated m = EventCodec.payload(event, MarginEvents.MARGIN_REQUIREMENT_CALCULATED);
        for (var line : m.requirements()) {
            em.createNativeQuery("""
                            insert into risk_margin_requirement (account_id, calculated_at, currency, initial_margin,
                                                                 maintenance_margin)
                            values (:account, :at, :currency, :initial, :maintenance)
                            on conflict do nothing""")
                    .setParameter("account", m.accountId()).setParameter("at", m.calculatedAt())
                    .setParameter("currency", line.currency()).setParameter("initial", line.initialMargin())
                    .setParameter("maintenance", line.maintenanceMargin())
                    .executeUpdate();
        }
        if (m.requirements().isEmpty()) {
            // No currency left: the account needs nothing from now on; a zero line keeps that in the history.
            em.createNativeQuery("""
                            insert into risk_margin_requirement (account_id, calculated_at, currency, initial_margin,
                                                                 maintenance_margin)
                            values (:account, :at, 'USD', 0, 0) on conflict do nothing""")
                    .setParameter("account", m.accountId()).setParameter("at", m.calculatedAt())
                    .executeUpdate();
        }
    }
}
