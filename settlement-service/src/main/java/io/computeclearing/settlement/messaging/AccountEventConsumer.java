package io.computeclearing.settlement.messaging;

import io.computeclearing.settlement.SettlementAccount;
import io.computeclearing.settlement.service.SettlementAccountService;
import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Applies account openings and status changes to the accounts cash is settled to, each event once (its inbox
 * record commits with its effect). Member events and collateral movements are recorded in the inbox and ignored.
 */
@ApplicationScoped
public class AccountEventConsumer {

    /** Incoming channel, bound to {@code ccp.accounts.v1} in application.properties. */
    public static final String CHANNEL = "accounts";

    /** This consumer's name in the inbox. */
    public static final String CONSUMER_NAME = "settlement-accounts";

    private final Inbox inbox;
    private final SettlementAccountService accounts;

    public AccountEventConsumer(Inbox inbox, SettlementAccountService accounts) {
        this.inbox = inbox;
        this.accounts = accounts;
    }

    @Incoming(CHANNEL)
    @Blocking
    @Transactional
    public void onAccountEvent(String message) {
        EventEnvelope event = EventCodec.decode(message);
        if (!inbox.firstDelivery(CONSUMER_NAME, event)) {
            return;
        }
        if (event.is(AccountEvents.ACCOUNT_OPENED)) {
            accounts.accountOpened(EventCodec.payload(event, AccountEvents.ACCOUNT_OPENED), event.occurredAt());
        } else if (event.is(AccountEvents.ACCOUNT_STATUS_CHANGED)) {
            var changed = EventCodec.payload(event, AccountEvents.ACCOUNT_STATUS_CHANGED);
            accounts.accountStatus(changed.accountId(), SettlementAccount.Status.valueOf(changed.status()),
                    event.occurredAt());
        }
    }
}
