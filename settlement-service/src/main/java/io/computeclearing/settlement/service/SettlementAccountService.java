package io.computeclearing.settlement.service;

import io.computeclearing.settlement.SettlementAccount;
import io.computeclearing.platform.events.account.AccountEvents.AccountOpened;
import io.computeclearing.platform.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;

/** Keeps the accounts cash is settled to in step with account-service. */
@ApplicationScoped
@Transactional
public class SettlementAccountService {

    private static final Logger LOG = Logger.getLogger(SettlementAccountService.class);

    public void accountOpened(AccountOpened opened, Instant at) {
        if (SettlementAccount.findById(opened.accountId()) != null) {
            LOG.warnf("account %s opened again by a different event; keeping the account as it is", opened.accountId());
            return;
        }
        SettlementAccount account = new SettlementAccount();
        account.id = opened.accountId();
        account.memberId = opened.memberId();
        account.baseCurrency = opened.baseCurrency();
        account.status = SettlementAccount.Status.valueOf(opened.status());
        account.openedAt = account.updatedAt = at;
        account.persist();
    }

    public void accountStatus(String accountId, SettlementAccount.Status status, Instant at) {
        SettlementAccount account = SettlementAccount.findById(accountId);
        if (account == null) {
            // Account events share the account id as key, so the opening always comes first; this one has no account.
            LOG.warnf("status %s for account %s, which was never opened here; ignored", status, accountId);
            return;
        }
        account.status = status;
        account.updatedAt = at;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SettlementAccount> list() {
        return SettlementAccount.listAll(Sort.by("id"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SettlementAccount get(String id) {
        SettlementAccount account = SettlementAccount.findById(id);
        if (account == null) {
            throw ProblemException.notFound("account", id);
        }
        return account;
    }
}
