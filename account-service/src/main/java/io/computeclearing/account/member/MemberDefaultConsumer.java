package io.computeclearing.account.member;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.events.risk.RiskEvents;
import io.computeclearing.platform.events.risk.RiskEvents.MemberDefaultDeclared;
import io.computeclearing.platform.parking.Consumption;
import io.computeclearing.platform.parking.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Marks members DEFAULTED on the risk service's declarations, each event once (the inbox record commits with its
 * effect). A channel of its own on the risk topic, apart from the default fund's: a default declaration must not
 * wait behind a parked contribution requirement of the same member, and has its own consumer group (two channels of
 * one group on one topic would share its partitions out between them, each seeing only part of the events). The
 * topic's other event types are passed over; a declaration that cannot be applied is parked with the member's later
 * ones.
 */
@ApplicationScoped
public class MemberDefaultConsumer implements EventConsumer {

    /** The incoming channel, bound to {@code ccp.risk.v1} with group {@code account-service.member-defaults}. */
    public static final String CHANNEL = "member-defaults";
    /** This consumer's name in the inbox ({@code Inbox.consumerName(CHANNEL)}). */
    public static final String INBOX_CONSUMER = "account-service.member-defaults";

    private static final Logger LOG = Logger.getLogger(MemberDefaultConsumer.class);

    private final Consumption consumption;
    private final MemberService members;

    public MemberDefaultConsumer(Consumption consumption, MemberService members) {
        this.consumption = consumption;
        this.members = members;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public List<EventType<?>> accepts() {
        return List.of(RiskEvents.MEMBER_DEFAULT_DECLARED);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        consumption.apply(this, record);
    }

    @Override
    public void apply(EventEnvelope event) {
        MemberDefaultDeclared declared = EventCodec.payload(event, RiskEvents.MEMBER_DEFAULT_DECLARED);
        MemberService.DefaultOutcome outcome = members.declareDefault(declared);
        LOG.infof("default %d of member %s (%s, proposed by %s, approved by %s), event %s: %s", declared.defaultId(),
                declared.memberId(), declared.reason(), declared.proposedBy(), declared.approvedBy(), event.id(),
                outcome);
    }
}
