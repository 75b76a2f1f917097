package io.computeclearing.platform.accounts;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.events.account.AccountEvents.AccountOpened;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The members and accounts account-service has published, as a service that clears, margins or settles for them needs
 * to know them: each account's type, base currency and whether it {@linkplain KnownAccount#acceptsBusiness() accepts
 * business}. A service opts in with {@code ccp.account-directory.enabled=true} at build time, the {@code accounts}
 * channel and the {@code db/accounts} Flyway location; {@link AccountDirectoryConsumer} then keeps it up to date.
 */
@ApplicationScoped
@Transactional
@IfBuildProperty(name = AccountDirectory.ENABLED, stringValue = "true")
public class AccountDirectory {

    /** Build-time property that gives a service the directory, its consumer and {@code GET /accounts}. */
    public static final String ENABLED = "ccp.account-directory.enabled";

    private static final Logger LOG = Logger.getLogger(AccountDirectory.class);

    private final EntityManager em;

    public AccountDirectory(EntityManager em) {
        this.em = em;
    }

    /**
     * Applies one event from {@code ccp.accounts.v1}, in the transaction that records it in the inbox: a member or
     * account registered, opened or changing status (the types {@link AccountDirectoryConsumer} accepts).
     */
    public void apply(EventEnvelope event) {
        if (event.is(AccountEvents.MEMBER_REGISTERED)) {
            var registered = EventCodec.payload(event, AccountEvents.MEMBER_REGISTERED);
            memberStatus(registered.memberId(), KnownMember.Status.valueOf(registered.status()), event.occurredAt());
        } else if (event.is(AccountEvents.MEMBER_STATUS_CHANGED)) {
            var changed = EventCodec.payload(event, AccountEvents.MEMBER_STATUS_CHANGED);
            memberStatus(changed.memberId(), KnownMember.Status.valueOf(changed.status()), event.occurredAt());
        } else if (event.is(AccountEvents.ACCOUNT_OPENED)) {
            accountOpened(EventCodec.payload(event, AccountEvents.ACCOUNT_OPENED), event.occurredAt());
        } else if (event.is(AccountEvents.ACCOUNT_STATUS_CHANGED)) {
            var changed = EventCodec.payload(event, AccountEvents.ACCOUNT_STATUS_CHANGED);
            accountStatus(changed.accountId(), KnownAccount.Status.valueOf(changed.status()), event.occurredAt());
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<KnownAccount> find(String accountId) {
        return Optional.ofNullable(em.find(KnownAccount.class, accountId));
    }

    /** Every known account, or one member's, in account id order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<KnownAccount> list(Optional<String> memberId) {
        TypedQuery<KnownAccount> query = memberId
                .map(member -> em.createQuery("from KnownAccount a where a.memberId = :member order by a.id",
                        KnownAccount.class).setParameter("member", member))
                .orElseGet(() -> em.createQuery("from KnownAccount a order by a.id", KnownAccount.class));
        return query.getResultList();
    }

    /**
     * A member was registered, suspended, reinstated or declared in default: every account of the member takes on its
     * standing.
     */
    private void memberStatus(String memberId, KnownMember.Status status, Instant at) {
        KnownMember member = em.find(KnownMember.class, memberId);
        if (member == null) {
            member = new KnownMember();
            member.id = memberId;
        }
        member.status = status;
        member.updatedAt = at;
        em.persist(member);
        em.createQuery("update KnownAccount a set a.memberStatus = :status, a.updatedAt = :at where a.memberId = :member")
                .setParameter("status", status)
                .setParameter("at", at)
                .setParameter("member", memberId)
                .executeUpdate();
    }

    /** An account was opened; it starts with its member's current standing, if the member is known yet. */
    private void accountOpened(AccountOpened opened, Instant at) {
        if (em.find(KnownAccount.class, opened.accountId()) != null) {
            LOG.warnf("account %s opened again by a different event; keeping the account as it is", opened.accountId());
            return;
        }
        KnownMember member = em.find(KnownMember.class, opened.memberId());
        KnownAccount account = new KnownAccount();
        account.id = opened.accountId();
        account.memberId = opened.memberId();
        account.accountType = KnownAccount.AccountType.valueOf(opened.accountType());
        account.baseCurrency = opened.baseCurrency();
        account.status = KnownAccount.Status.valueOf(opened.status());
        account.memberStatus = member == null ? null : member.status;
        account.updatedAt = at;
        em.persist(account);
    }

    /** An account was suspended or reinstated. */
    private void accountStatus(String accountId, KnownAccount.Status status, Instant at) {
        KnownAccount account = em.find(KnownAccount.class, accountId);
        if (account == null) {
            // Account events share the account id as key, so the opening always comes first; this one has no account.
            LOG.warnf("status %s for account %s, which was never opened here; ignored", status, accountId);
            return;
        }
        account.status = status;
        account.updatedAt = at;
    }
}
