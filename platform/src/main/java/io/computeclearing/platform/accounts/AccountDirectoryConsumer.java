package io.computeclearing.platform.accounts;

import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.inbox.Inbox;
import io.computeclearing.platform.parking.Consumption;
import io.computeclearing.platform.parking.EventConsumer;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/**
 * Feeds the {@link AccountDirectory} from account-service's events, each event once: its inbox record commits with its
 * effect, so a redelivered event changes nothing. An event that cannot be applied is parked ({@link Consumption}). The service binds the channel to {@code ccp.accounts.v1} with its own consumer group. It accepts member and
 * account events; collateral and margin call events on the same topic are passed over.
 */
@ApplicationScoped
@IfBuildProperty(name = AccountDirectory.ENABLED, stringValue = "true")
public class AccountDirectoryConsumer implements EventConsumer {

    /** Incoming channel, bound to {@code ccp.accounts.v1} in the service's application.properties. */
    public static final String CHANNEL = "accounts";

    private final Inbox inbox;
    private final Consumption consumption;
    private final AccountDirectory directory;

    public AccountDirectoryConsumer(Inbox inbox, Consumption consumption, AccountDirectory directory) {
        this.inbox = inbox;
        this.consumption = consumption;
        this.directory = directory;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public List<EventType<?>> accepts() {
        return List.of(AccountEvents.MEMBER_REGISTERED, AccountEvents.MEMBER_STATUS_CHANGED,
                AccountEvents.ACCOUNT_OPENED, AccountEvents.ACCOUNT_STATUS_CHANGED);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onAccountEvent(ConsumerRecord<String, String> record) {
        consumption.apply(this, record);
    }

    @Override
    public void apply(EventEnvelope event) {
        directory.apply(event);
    }

    /** This consumer's name in the inbox: the application's name and {@code .accounts}. */
    public String inboxConsumer() {
        return inbox.consumerName(CHANNEL);
    }
}
