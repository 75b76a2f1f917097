package io.computeclearing.risk.defaults;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.events.account.AccountEvents.ContributionCallEscalated;
import io.computeclearing.platform.events.account.AccountEvents.MarginCallEscalated;
import io.computeclearing.platform.parking.Consumption;
import io.computeclearing.platform.parking.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/**
 * A margin call or contribution call that escalated unmet proposes its member's default: a person with the risk or
 * admin role still approves it (or withdraws it, if the member paid late). A member whose default is already proposed
 * or declared gets no second proposal.
 */
@ApplicationScoped
public class EscalatedCallConsumer implements EventConsumer {

    /** Incoming channel (consumer group {@code risk-service.escalated-calls}), bound to {@code ccp.accounts.v1}. */
    public static final String CHANNEL = "escalated-calls";

    private final Consumption consumption;
    private final DefaultCases cases;

    public EscalatedCallConsumer(Consumption consumption, DefaultCases cases) {
        this.consumption = consumption;
        this.cases = cases;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public List<EventType<?>> accepts() {
        return List.of(AccountEvents.MARGIN_CALL_ESCALATED, AccountEvents.CONTRIBUTION_CALL_ESCALATED);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        consumption.apply(this, record);
    }

    @Override
    public void apply(EventEnvelope event) {
        if (event.is(AccountEvents.MARGIN_CALL_ESCALATED)) {
            MarginCallEscalated call = EventCodec.payload(event, AccountEvents.MARGIN_CALL_ESCALATED);
            cases.proposeForEscalatedCall(call.memberId(), DefaultReason.MISSED_MARGIN_CALL, call.callId(),
                    "margin call " + call.callId() + " of account " + call.accountId() + " escalated at "
                            + call.escalatedAt() + ": " + call.currency() + " " + call.outstanding().toPlainString()
                            + " outstanding at its deadline " + call.deadline());
        } else {
            ContributionCallEscalated call = EventCodec.payload(event, AccountEvents.CONTRIBUTION_CALL_ESCALATED);
            cases.proposeForEscalatedCall(call.memberId(), DefaultReason.MISSED_CONTRIBUTION_CALL, call.callId(),
                    "default fund contribution call " + call.callId() + " escalated at " + call.escalatedAt() + ": "
                            + call.currency() + " " + call.outstanding().toPlainString()
                            + " outstanding at its deadline " + call.deadline());
        }
    }
}
