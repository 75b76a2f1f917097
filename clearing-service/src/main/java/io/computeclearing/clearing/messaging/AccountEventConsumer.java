package io.computeclearing.clearing.messaging;

import io.computeclearing.clearing.ClearingAccount;
import io.computeclearing.clearing.ClearingMember;
import io.computeclearing.clearing.service.ClearingAccountService;
import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Applies account-service's member and account events to the accounts trades may be cleared into. Each event is
 * applied once: its inbox record commits with its effect, so a redelivered event is skipped. Collateral movements are
 * not needed here; they are recorded in the inbox and otherwise ignored.
 */
@ApplicationScoped
public class AccountEventConsumer {

    /** Incoming channel, bound to {@code ccp.accounts.v1} in application.properties. */
    public static final String CHANNEL = "accounts";

    /** This consumer's name in the inbox. */
    public static final String CONSUMER_NAME = "clearing-accounts";

    private final Inbox inbox;
    private final ClearingAccountService accounts;

    public AccountEventConsumer(Inbox inbox, ClearingAccountService accounts) {
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
        if (event.is(AccountEvents.MEMBER_REGISTERED)) {
            var registered = EventCodec.payload(event, AccountEvents.MEMBER_REGISTERED);
            accounts.memberStatus(registered.memberId(), ClearingMember.Status.valueOf(registered.status()),
                    event.occurredAt());
        } else if (event.is(AccountEvents.MEMBER_STATUS_CHANGED)) {
            var changed = EventCodec.payload(event, AccountEvents.MEMBER_STATUS_CHANGED);
            accounts.memberStatus(changed.memberId(), ClearingMember.Status.valueOf(changed.status()),
                    event.occurredAt());
        } else if (event.is(AccountEvents.ACCOUNT_OPENED)) {
            accounts.accountOpened(EventCodec.payload(event, AccountEvents.ACCOUNT_OPENED), event.occurredAt());
        } else if (event.is(AccountEvents.ACCOUNT_STATUS_CHANGED)) {
            var changed = EventCodec.payload(event, AccountEvents.ACCOUNT_STATUS_CHANGED);
            accounts.accountStatus(changed.accountId(), ClearingAccount.Status.valueOf(changed.status()),
                    event.occurredAt());
        }
    }
}
