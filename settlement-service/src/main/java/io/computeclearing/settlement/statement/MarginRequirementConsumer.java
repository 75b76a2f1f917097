package io.computeclearing.settlement.statement;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.events.margin.MarginEvents;
import io.computeclearing.platform.events.margin.MarginEvents.CurrencyRequirement;
import io.computeclearing.platform.events.margin.MarginEvents.MarginRequirementCalculated;
import io.computeclearing.platform.parking.Consumption;
import io.computeclearing.platform.parking.EventConsumer;
import io.computeclearing.platform.persistence.SqlValues;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/**
 * Keeps each account's latest initial margin requirement from margin-service, for statements. A requirement replaces
 * the account's earlier one as a whole; one calculated before the one held is ignored.
 */
@ApplicationScoped
public class MarginRequirementConsumer implements EventConsumer {

    /** Incoming channel, bound to {@code ccp.margin.requirements.v1}. */
    public static final String CHANNEL = "margin-requirements";

    private final Consumption consumption;
    private final EntityManager em;

    public MarginRequirementConsumer(Consumption consumption, EntityManager em) {
        this.consumption = consumption;
        this.em = em;
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
    public void onRequirementEvent(ConsumerRecord<String, String> record) {
        consumption.apply(this, record);
    }

    @Override
    public void apply(EventEnvelope event) {
        keepLatest(EventCodec.payload(event, MarginEvents.MARGIN_REQUIREMENT_CALCULATED));
    }

    private void keepLatest(MarginRequirementCalculated calculated) {
        List<?> held = em.createNativeQuery(
                        "select max(calculated_at) from statement_margin_requirement where account_id = :account")
                .setParameter("account", calculated.accountId()).getResultList();
        Object latest = held.isEmpty() ? null : held.getFirst();
        if (latest != null && !calculated.calculatedAt().isAfter(SqlValues.instant(latest))) {
            return;
        }
        em.createNativeQuery("delete from statement_margin_requirement where account_id = :account")
                .setParameter("account", calculated.accountId()).executeUpdate();
        for (CurrencyRequirement requirement : calculated.requirements()) {
            em.createNativeQuery("""
                            insert into statement_margin_requirement (account_id, currency, initial_margin,
                                                                      maintenance_margin, calculated_at)
                            values (:account, :currency, :initial, :maintenance, :at)""")
                    .setParameter("account", calculated.accountId()).setParameter("currency", requirement.currency())
                    .setParameter("initial", requirement.initialMargin())
                    .setParameter("maintenance", requirement.maintenanceMargin())
                    .setParameter("at", calculated.calculatedAt())
                    .executeUpdate();
        }
    }
}
