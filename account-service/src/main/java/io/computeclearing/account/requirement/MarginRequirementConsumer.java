package io.computeclearing.account.requirement;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.margin.MarginEvents;
import io.computeclearing.platform.events.margin.MarginEvents.MarginRequirementCalculated;
import io.computeclearing.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Applies margin requirements published by margin-service. Each event is applied at most once (the inbox record
 * commits with its effect); a record that breaks the contract is logged and skipped rather than blocking the topic.
 */
@ApplicationScoped
public class MarginRequirementConsumer {

    /** The incoming channel, bound to {@code ccp.margin.requirements.v1} in application.properties. */
    public static final String CHANNEL = "margin-requirements";
    /** This consumer's name in the inbox ({@code Inbox.consumerName(CHANNEL)}). */
    public static final String INBOX_CONSUMER = "account-service.margin-requirements";

    private static final Logger LOG = Logger.getLogger(MarginRequirementConsumer.class);

    private final Inbox inbox;
    private final MarginRequirements requirements;

    public MarginRequirementConsumer(Inbox inbox, MarginRequirements requirements) {
        this.inbox = inbox;
        this.requirements = requirements;
    }

    @Incoming(CHANNEL)
    @Blocking
    @Transactional
    public void consume(String record) {
        EventEnvelope envelope;
        try {
            envelope = EventCodec.decode(record);
        } catch (IllegalArgumentException e) {
            LOG.errorf("skipping a record on %s that is not an event envelope: %s", CHANNEL, e.getMessage());
            return;
        }
        if (envelope.id() == null) {
            LOG.debugf("skipping an event of type %s without an id", envelope.type());
            return;
        }
        if (inbox.receive(CHANNEL, envelope, MarginEvents.MARGIN_REQUIREMENT_CALCULATED).isEmpty()) {
            return;
        }
        MarginRequirementCalculated calculated;
        try {
            calculated = EventCodec.payload(envelope, MarginEvents.MARGIN_REQUIREMENT_CALCULATED);
        } catch (IllegalArgumentException e) {
            LOG.errorf("skipping event %s: %s", envelope.id(), e.getMessage());
            return;
        }
        MarginRequirements.Outcome outcome = requirements.apply(envelope.id(), calculated);
        LOG.debugf("margin requirement event %s for %s: %s", envelope.id(), calculated.accountId(), outcome);
    }
}
