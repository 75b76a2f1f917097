package io.computeclearing.account.requirement;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.events.margin.MarginEvents;
import io.computeclearing.platform.events.margin.MarginEvents.MarginRequirementCalculated;
import io.computeclearing.platform.parking.Consumption;
import io.computeclearing.platform.parking.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Applies margin requirements published by margin-service. Each event is applied at most once (the inbox record
 * commits with its effect); a record that breaks the contract is parked with the account's later requirements, not
 * skipped, and the other accounts' requirements go on.
 */
@ApplicationScoped
public class MarginRequirementConsumer implements EventConsumer {

    /** The incoming channel, bound to {@code ccp.margin.requirements.v1} in application.properties. */
    public static final String CHANNEL = "margin-requirements";
    /** This consumer's name in the inbox ({@code Inbox.consumerName(CHANNEL)}). */
    public static final String INBOX_CONSUMER = "account-service.margin-requirements";

    private static final Logger LOG = Logger.getLogger(MarginRequirementConsumer.class);

    private final Consumption consumption;
    private final MarginRequirements requirements;

    public MarginRequirementConsumer(Consumption consumption, MarginRequirements requirements) {
        this.consumption = consumption;
        this.requirements = requirements;
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
    public void consume(ConsumerRecord<String, String> record) {
        consumption.apply(this, record);
    }

    @Override
    public void apply(EventEnvelope event) {
        MarginRequirementCalculated calculated = EventCodec.payload(event, MarginEvents.MARGIN_REQUIREMENT_CALCULATED);
        MarginRequirements.Outcome outcome = requirements.apply(event.id(), calculated);
        LOG.debugf("margin requirement event %s for %s: %s", event.id(), calculated.accountId(), outcome);
    }
}
