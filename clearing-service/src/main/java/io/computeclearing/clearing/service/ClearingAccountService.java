package io.computeclearing.clearing.service;

import io.computeclearing.clearing.ClearingAccount;
import io.computeclearing.clearing.ClearingMember;
import io.computeclearing.platform.events.account.AccountEvents.AccountOpened;
import io.computeclearing.platform.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;

/**
 * Keeps the accounts trades may be cleared into in step with account-service, and answers which ones accept trades.
 * The update methods join the transaction of the event that caused them.
 */
@ApplicationScoped
@Transactional
public class ClearingAccountService {

    private static final Logger LOG = Logger.getLogger(ClearingAccountService.class);

    /** A member was registered, suspended or reinstated: every account of the member takes on its standing. */
    public void memberStatus(String memberId, ClearingMember.Status status, Instant at) {
        ClearingMember member = ClearingMember.findById(memberId);
        if (member == null) {
            member = new ClearingMember();
            member.id = memberId;
        }
        member.status = status;
        member.updatedAt = at;
        member.persist();
        ClearingAccount.update("memberStatus = ?1, updatedAt = ?2 where memberId = ?3", status, at, memberId);
    }

    /** An account was opened; it starts with its member's current standing, if the member is known yet. */
    public void accountOpened(AccountOpened opened, Instant at) {
        if (ClearingAccount.findById(opened.accountId()) != null) {
            LOG.warnf("account %s opened again by a different event; keeping the account as it is", opened.accountId());
            return;
        }
        ClearingMember member = ClearingMember.findById(opened.memberId());
        ClearingAccount account = new ClearingAccount();
        account.id = opened.accountId();
        account.memberId = opened.memberId();
        account.accountType = ClearingAccount.AccountType.valueOf(opened.accountType());
        account.baseCurrency = opened.baseCurrency();
        account.status = ClearingAccount.Status.valueOf(opened.status());
        account.memberStatus = member == null ? null : member.status;
        account.openedAt = account.updatedAt = at;
        account.persist();
    }

    /** An account was suspended or reinstated. */
    public void accountStatus(String accountId, ClearingAccount.Status status, Instant at) {
        ClearingAccount account = ClearingAccount.findById(accountId);
        if (account == null) {
            // Account events share the account id as key, so the opening always comes first; this one has no account.
            LOG.warnf("status %s for account %s, which was never opened here; ignored", status, accountId);
            return;
        }
        account.status = status;
        account.updatedAt = at;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ClearingAccount> list() {
        return ClearingAccount.listAll(Sort.by("id"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ClearingAccount get(String id) {
        ClearingAccount account = ClearingAccount.findById(id);
        if (account == null) {
            throw ProblemException.notFound("account", id);
        }
        return account;
    }
}
