package io.computeclearing.account.account;

import io.computeclearing.account.collateral.CollateralPolicy;
import io.computeclearing.account.member.ClearingMember;
import io.computeclearing.account.member.StatusChanges;
import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.outbox.Outbox;
import io.computeclearing.platform.persistence.DuplicateKey;
import io.computeclearing.platform.problem.ProblemException;
import io.computeclearing.platform.security.Caller;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Opens, suspends and reinstates members' accounts; each change is published with it, keyed by account id. */
@ApplicationScoped
@Transactional
public class AccountService {

    private final Outbox outbox;
    private final CollateralPolicy policy;
    private final Clock clock;

    public AccountService(Outbox outbox, CollateralPolicy policy, Clock clock) {
        this.outbox = outbox;
        this.policy = policy;
        this.clock = clock;
    }

    public Account open(String id, String memberId, Account.Type type, String baseCurrency) {
        policy.requireCurrency("baseCurrency", baseCurrency);
        ClearingMember member = ClearingMember.findById(memberId);
        if (member == null) {
            throw ProblemException.refused("unknown-member", "Unknown member",
                    "member '" + memberId + "' does not exist; register the member first");
        }
        if (member.status == ClearingMember.Status.DEFAULTED) {
            throw StatusChanges.memberDefaulted(member, "no account may be opened for it");
        }
        if (member.status != ClearingMember.Status.ACTIVE) {
            throw ProblemException.refused("member-not-active", "Member not active",
                    "member '" + memberId + "' is " + member.status + "; reinstate it before opening accounts");
        }
        if (Account.findById(id) != null) {
            throw ProblemException.conflict("account-exists", "Account already exists",
                    "account '" + id + "' already exists");
        }
        Account account = new Account();
        account.id = id;
        account.memberId = memberId;
        account.type = type;
        account.status = Account.Status.ACTIVE;
        account.baseCurrency = baseCurrency;
        account.createdAt = account.updatedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        account.persist();
        // A simultaneous opening of the same id answers as a sequential one would.
        DuplicateKey.flush(Account.getEntityManager(), constraint -> ProblemException.conflict("account-exists",
                "Account already exists", "account '" + id + "' already exists"));
        outbox.record(AccountEvents.ACCOUNT_OPENED, id, new AccountEvents.AccountOpened(
                id, memberId, type.name(), baseCurrency, account.status.name()));
        return account;
    }

    /** The account if the caller may see it; 404 alike for a missing account and another member's account. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Account visibleTo(Caller caller, String id) {
        Account account = Account.findById(id);
        if (account == null) {
            throw ProblemException.notFound("account", id);
        }
        caller.requireAccess(account.memberId, "account", id);
        return account;
    }

    /** Every account, or one member's; ordered by id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Account> list(String memberId) {
        return memberId == null
                ? Account.listAll(Sort.by("id"))
                : Account.list("memberId", Sort.by("id"), memberId);
    }

    /** A suspended account withdraws no collateral (it is frozen, as in default management); deposits still count. */
    public Account suspend(String id, String reason) {
        return changeStatus(id, Account.Status.SUSPENDED, reason);
    }

    public Account reinstate(String id, String reason) {
        return changeStatus(id, Account.Status.ACTIVE, reason);
    }

    /**
     * The account row locked until the transaction ends (SELECT ... FOR UPDATE), so that movements and requirement
     * changes on one account happen one after the other: two withdrawals can never both pass the excess check.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Account lock(String id) {
        Account account = Account.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw ProblemException.notFound("account", id);
        }
        return account;
    }

    private Account changeStatus(String id, Account.Status target, String reason) {
        Account account = lock(id);
        if (account.status == target) {
            throw StatusChanges.alreadyIn("account", id, target);
        }
        account.status = target;
        account.statusReason = reason;
        account.updatedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        outbox.record(AccountEvents.ACCOUNT_STATUS_CHANGED, id,
                new AccountEvents.AccountStatusChanged(id, account.memberId, target.name(), reason));
        return account;
    }
}
