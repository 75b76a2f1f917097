package io.computeclearing.platform.accounts;

import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.inbox.Inbox;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the {@link AccountDirectory} from account-service's events, each event once: its inbox record commits with its
 * effect, so a redelivered event changes nothing. An event that cannot be applied stops the channel rather than being
 * skipped. The service binds the channel to {@code ccp.accounts.v1} with its own consumer group. It accepts member and
 * account events; collateral and margin call events on the same topic are passed over by the {@link Inbox}.
 */
@ApplicationScoped
@IfBuildProperty(name = AccountDirectory.ENABLED, stringValue = "true")
public class AccountDirectoryConsumer {

    /** Incoming channel, bound to {@code ccp.accounts.v1} in the service's application.properties. */
    public static final String CHANNEL = "accounts";

    private final Inbox inbox;
    private final AccountDirectory directory;

    public AccountDirectoryConsumer(Inbox inbox, AccountDirectory directory) {
        this.inbox = inbox;
        this.directory = directory;
    }

    @Incoming(CHANNEL)
    @Blocking
    @Transactional
    public void onAccountEvent(String message) {
        inbox.receive(CHANNEL, message, AccountEvents.MEMBER_REGISTERED, AccountEvents.MEMBER_STATUS_CHANGED,
                AccountEvents.ACCOUNT_OPENED, AccountEvents.ACCOUNT_STATUS_CHANGED).ifPresent(directory::apply);
    }

    /** This consumer's name in the inbox: the application's name and {@code .accounts}. */
    public String inboxConsumer() {
        return inbox.consumerName(CHANNEL);
    }
}
