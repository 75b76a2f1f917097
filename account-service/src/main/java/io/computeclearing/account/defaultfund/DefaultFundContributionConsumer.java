package io.computeclearing.account.defaultfund;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.events.risk.RiskEvents;
import io.computeclearing.platform.events.risk.RiskEvents.DefaultFundContributionRequired;
import io.computeclearing.platform.parking.Consumption;
import io.computeclearing.platform.parking.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Applies members' required default fund contributions from the risk service's sizings, each event once (the inbox
 * record commits with its effect). A requirement that breaks the contract is parked with the member's later ones;
 * the other event types on the risk topic are passed over.
 */
@ApplicationScoped
public class DefaultFundContributionConsumer implements EventConsumer {

    /** The incoming channel, bound to {@code ccp.risk.v1} in application.properties. */
    public static final String CHANNEL = "default-fund-contributions";
    /** This consumer's name in the inbox ({@code Inbox.consumerName(CHANNEL)}). */
    public static final String INBOX_CONSUMER = "account-service.default-fund-contributions";

    private static final Logger LOG = Logger.getLogger(DefaultFundContributionConsumer.class);

    private final Consumption consumption;
    private final DefaultFund fund;

    public DefaultFundContributionConsumer(Consumption consumption, DefaultFund fund) {
        this.consumption = consumption;
        this.fund = fund;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public List<EventType<?>> accepts() {
        return List.of(RiskEvents.DEFAULT_FUND_CONTRIBUTION_REQUIRED);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        consumption.apply(this, record);
    }

    @Override
    public void apply(EventEnvelope event) {
        DefaultFundContributionRequired required = EventCodec.payload(event,
                RiskEvents.DEFAULT_FUND_CONTRIBUTION_REQUIRED);
        DefaultFund.Outcome outcome = fund.require(required);
        LOG.debugf("default fund contribution event %s for %s (sizing %d): %s", event.id(), required.memberId(),
                required.sizingId(), outcome);
    }
}
