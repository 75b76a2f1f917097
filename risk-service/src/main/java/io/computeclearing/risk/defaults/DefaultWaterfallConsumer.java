package io.computeclearing.risk.defaults;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.events.account.AccountEvents.DefaultWaterfallApplied;
import io.computeclearing.platform.parking.Consumption;
import io.computeclearing.platform.parking.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/**
 * The default waterfall account-service applied, kept for the default report. One per default case: the same again
 * changes nothing; a different one for a case that has one, or one for a case risk-service does not know, parks.
 */
@ApplicationScoped
public class DefaultWaterfallConsumer implements EventConsumer {

    /** Incoming channel (consumer group {@code risk-service.default-waterfalls}), bound to ccp.accounts.v1. */
    public static final String CHANNEL = "default-waterfalls";

    private final Consumption consumption;
    private final EntityManager em;

    public DefaultWaterfallConsumer(Consumption consumption, EntityManager em) {
        this.consumption = consumption;
        this.em = em;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public List<EventType<?>> accepts() {
        return List.of(AccountEvents.DEFAULT_WATERFALL_APPLIED);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        consumption.apply(this, record);
    }

    @Override
    public void apply(EventEnvelope event) {
        DefaultWaterfallApplied applied = EventCodec.payload(event, AccountEvents.DEFAULT_WATERFALL_APPLIED);
        DefaultCase c = DefaultCase.findById(applied.defaultId());
        if (c == null || !c.memberId.equals(applied.memberId()) || applied.loss() == null
                || applied.uncovered() == null || applied.appliedAt() == null) {
            throw new IllegalArgumentException("a waterfall for default case " + applied.defaultId() + " of "
                    + applied.memberId() + " that risk-service cannot place: " + applied);
        }
        String json = EventCodec.toTree(applied).toString();
        int inserted = em.createNativeQuery("""
                        insert into default_waterfall (default_id, member_id, currency, loss, uncovered, applied_by,
                                                       applied_at, event)
                        values (:id, :member, :currency, :loss, :uncovered, :by, :at, cast(:event as jsonb))
                        on conflict (default_id) do nothing""")
                .setParameter("id", applied.defaultId())
                .setParameter("member", applied.memberId())
                .setParameter("currency", applied.currency())
                .setParameter("loss", applied.loss())
                .setParameter("uncovered", applied.uncovered())
                .setParameter("by", applied.appliedBy() == null ? "" : applied.appliedBy())
                .setParameter("at", applied.appliedAt())
                .setParameter("event", json)
                .executeUpdate();
        if (inserted == 0 && em.createNativeQuery(
                        "select 1 from default_waterfall where default_id = :id and event = cast(:event as jsonb)")
                .setParameter("id", applied.defaultId()).setParameter("event", json).getResultList().isEmpty()) {
            throw new IllegalStateException("default case " + applied.defaultId()
                    + " has a different waterfall already");
        }
    }
}
