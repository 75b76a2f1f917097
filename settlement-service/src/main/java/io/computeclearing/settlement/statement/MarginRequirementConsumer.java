package io.computeclearing.settlement.statement;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.margin.MarginEvents.CurrencyRequirement;
import io.computeclearing.platform.events.margin.MarginEvents.MarginRequirementCalculated;
import io.computeclearing.platform.events.margin.MarginEvents;
import io.computeclearing.platform.inbox.Inbox;
import io.computeclearing.settlement.SqlValues;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/**
 * Keeps each account's latest initial margin requirement from margin-service, for statements. A requirement replaces
 * the account's earlier one as a whole; one calculated before the one held is ignored.
 */
@ApplicationScoped
public class MarginRequirementConsumer {

    /** Incoming channel, bound to {@code ccp.margin.requirements.v1}. */
    public static final String CHANNEL = "margin-requirements";

    private final Inbox inbox;
    private final EntityManager em;

    public MarginRequirementConsumer(Inbox inbox, EntityManager em) {
        this.inbox = inbox;
        this.em = em;
    }

    @Incoming(CHANNEL)
    @Blocking
    @Transactional
    public void onRequirementEvent(String message) {
        inbox.receive(CHANNEL, message, MarginEvents.MARGIN_REQUIREMENT_CALCULATED).ifPresent(event ->
                keepLatest(EventCodec.payload(event, MarginEvents.MARGIN_REQUIREMENT_CALCULATED)));
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
