package io.computeclearing.settlement.statement;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.events.account.AccountEvents.CollateralAssessed;
import io.computeclearing.platform.events.account.AccountEvents.CollateralMovementRecorded;
import io.computeclearing.platform.parking.Consumption;
import io.computeclearing.platform.parking.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/**
 * Keeps, for statements, each account's latest collateral assessment (value after haircuts, requirement, excess or
 * deficit) and every collateral movement. Reads {@code ccp.accounts.v1} on its own channel and consumer group, beside
 * the account directory's; other event types there are ignored.
 */
@ApplicationScoped
public class CollateralConsumer implements EventConsumer {

    /** Incoming channel, bound to {@code ccp.accounts.v1} with consumer group {@code settlement-service.collateral}. */
    public static final String CHANNEL = "collateral";

    private final Consumption consumption;
    private final EntityManager em;

    public CollateralConsumer(Consumption consumption, EntityManager em) {
        this.consumption = consumption;
        this.em = em;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public List<EventType<?>> accepts() {
        return List.of(AccountEvents.COLLATERAL_ASSESSED, AccountEvents.COLLATERAL_MOVEMENT_RECORDED);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onAccountEvent(ConsumerRecord<String, String> record) {
        consumption.apply(this, record);
    }

    @Override
    public void apply(EventEnvelope event) {
        if (event.is(AccountEvents.COLLATERAL_ASSESSED)) {
            assessed(EventCodec.payload(event, AccountEvents.COLLATERAL_ASSESSED));
        } else {
            moved(EventCodec.payload(event, AccountEvents.COLLATERAL_MOVEMENT_RECORDED));
        }
    }

    /** The latest assessment wins; an older one arriving late changes nothing. */
    private void assessed(CollateralAssessed a) {
        em.createNativeQuery("""
                        insert into statement_collateral_assessment (account_id, member_id, base_currency,
                                                                     collateral_value, requirement, excess, assessed_at)
                        values (:account, :member, :currency, :value, :requirement, :excess, :at)
                        on conflict (account_id) do update set member_id = excluded.member_id,
                            base_currency = excluded.base_currency, collateral_value = excluded.collateral_value,
                            requirement = excluded.requirement, excess = excluded.excess,
                            assessed_at = excluded.assessed_at
                        where statement_collateral_assessment.assessed_at <= excluded.assessed_at""")
                .setParameter("account", a.accountId()).setParameter("member", a.memberId())
                .setParameter("currency", a.baseCurrency()).setParameter("value", a.collateralValue())
                .setParameter("requirement", a.requirement()).setParameter("excess", a.excess())
                .setParameter("at", a.assessedAt())
                .executeUpdate();
    }

    private void moved(CollateralMovementRecorded m) {
        em.createNativeQuery("""
                        insert into statement_cash_movement (entry_id, account_id, movement, asset, quantity, recorded_at)
                        values (:entry, :account, :movement, :asset, :quantity, :at) on conflict do nothing""")
                .setParameter("entry", m.entryId()).setParameter("account", m.accountId())
                .setParameter("movement", m.movement()).setParameter("asset", m.asset())
                .setParameter("quantity", m.quantity()).setParameter("at", m.recordedAt())
                .executeUpdate();
    }
}
