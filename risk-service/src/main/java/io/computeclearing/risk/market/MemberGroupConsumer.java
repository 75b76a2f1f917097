package io.computeclearing.risk.market;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.parking.Consumption;
import io.computeclearing.platform.parking.EventConsumer;
import io.computeclearing.platform.events.account.AccountEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Clock;
import java.util.List;

/**
 * Keeps whom each member is affiliated with ({@code MemberRegistered.parentMemberId}, {@code MemberAffiliationChanged}):
 * a member with a parent counts in its parent's group in Cover-2 ({@link MemberGroups}).
 */
@ApplicationScoped
public class MemberGroupConsumer implements EventConsumer {

    /** Incoming channel (consumer group {@code risk-service.member-groups}). */
    public static final String CHANNEL = "member-groups";

    private final Consumption consumption;
    private final EntityManager em;
    private final Clock clock;

    public MemberGroupConsumer(Consumption consumption, EntityManager em, Clock clock) {
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
        return List.of(AccountEvents.MEMBER_REGISTERED, AccountEvents.MEMBER_AFFILIATION_CHANGED);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        consumption.apply(this, record);
    }

    @Override
    public void apply(EventEnvelope event) {
        if (event.is(AccountEvents.MEMBER_REGISTERED)) {
            var registered = EventCodec.payload(event, AccountEvents.MEMBER_REGISTERED);
            affiliate(registered.memberId(), registered.parentMemberId());
        } else {
            var changed = EventCodec.payload(event, AccountEvents.MEMBER_AFFILIATION_CHANGED);
            affiliate(changed.memberId(), changed.parentMemberId());
        }
    }

    private void affiliate(String memberId, String parentMemberId) {
        em.createNativeQuery("""
                        insert into risk_member (member_id, parent_member_id, updated_at) values (:member, :parent, :at)
                        on conflict (member_id) do update set parent_member_id = excluded.parent_member_id,
                            updated_at = excluded.updated_at""")
                .setParameter("member", memberId)
                .setParameter("parent", memberId.equals(parentMemberId) ? null : parentMemberId)
                .setParameter("at", clock.instant())
                .executeUpdate();
    }
}
