package io.computeclearing.margin.service;

import io.computeclearing.margin.MarginAccount;
import io.computeclearing.platform.events.account.AccountEvents.AccountOpened;
import io.computeclearing.platform.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;

/** Keeps the accounts margin is computed for in step with account-service. */
@ApplicationScoped
@Transactional
public class MarginAccountService {

    private static final Logger LOG = Logger.getLogger(MarginAccountService.class);

    public void accountOpened(AccountOpened opened, Instant at) {
        if (MarginAccount.findById(opened.accountId()) != null) {
            LOG.warnf("account %s opened again by a different event; keeping the account as it is", opened.accountId());
            return;
        }
        MarginAccount account = new MarginAccount();
        account.id = opened.accountId();
        account.memberId = opened.memberId();
        account.accountType = MarginAccount.AccountType.valueOf(opened.accountType());
        account.baseCurrency = opened.baseCurrency();
        account.status = MarginAccount.Status.valueOf(opened.status());
        account.openedAt = account.updatedAt = at;
        account.persist();
    }

    public void accountStatus(String accountId, MarginAccount.Status status, Instant at) {
        MarginAccount account = MarginAccount.findById(accountId);
        if (account == null) {
            // Account events share the account id as key, so the opening always comes first; this one has no account.
            LOG.warnf("status %s for account %s, which was never opened here; ignored", status, accountId);
            return;
        }
        account.status = status;
        account.updatedAt = at;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MarginAccount> list() {
        return MarginAccount.listAll(Sort.by("id"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MarginAccount get(String id) {
        MarginAccount account = MarginAccount.findById(id);
        if (account == null) {
            throw ProblemException.notFound("account", id);
        }
        return account;
    }
}
