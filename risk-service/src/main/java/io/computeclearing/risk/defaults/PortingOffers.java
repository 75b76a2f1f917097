package io.computeclearing.risk.defaults;

import io.computeclearing.platform.accounts.AccountDirectory;
import io.computeclearing.platform.accounts.KnownAccount;
import io.computeclearing.platform.accounts.KnownMember;
import io.computeclearing.platform.events.risk.RiskEvents.TransferPurpose;
import io.computeclearing.platform.problem.ProblemException;
import io.computeclearing.platform.security.Caller;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Porting a defaulter's client accounts: the default manager offers a client account to a receiving member for a
 * window; that member's user accepts it into one of its own client accounts of the same kind (or rejects it). On
 * acceptance the account's positions are instructed to move at the last settlement prices, and the client's
 * collateral follows once clearing-service has booked them (account-service); an offer not accepted by its deadline
 * expires and the account joins the close-out.
 */
@ApplicationScoped
public class PortingOffers {

    private static final Logger LOG = Logger.getLogger(PortingOffers.class);

    private final EntityManager em;
    private final DefaultCaseLocks locks;
    private final AccountDirectory directory;
    private final DefaultPortfolio portfolio;
    private final DefaultTransfers transfers;
    private final DefaultManagementConfig config;
    private final Clock clock;

    public PortingOffers(EntityManager em, DefaultCaseLocks locks, AccountDirectory directory,
                         DefaultPortfolio portfolio, DefaultTransfers transfers, DefaultManagementConfig config,
                         Clock clock) {
        this.em = em;
        this.locks = locks;
        this.directory = directory;
        this.portfolio = portfolio;
        this.transfers = transfers;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Offers the defaulter's client account to {@code receivingMemberId} until now plus {@code window} (the
     * configured porting window when null). 409 unless the default is declared or while the account has a live offer
     * or is in a lot; 422 for a house account, an account of another member, or a receiving member that is not an
     * active member other than the defaulter.
     */
    @Transactional
    public PortingOffer offer(long defaultId, String accountId, String receivingMemberId, Duration window,
                              String by) {
        DefaultCase c = locks.declared(defaultId);
        KnownAccount account = directory.find(accountId).filter(a -> a.memberId.equals(c.memberId))
                .orElseThrow(() -> refused("account '" + accountId + "' is not an account of defaulter "
                        + c.memberId));
        if (account.accountType == KnownAccount.AccountType.HOUSE) {
            throw refused("account '" + accountId + "' is a house account: the defaulter's own positions are "
                    + "closed out (hedged and auctioned), only client accounts are ported");
        }
        KnownMember receiver = em.find(KnownMember.class, receivingMemberId);
        if (receiver == null || receiver.id.equals(c.memberId) || receiver.status != KnownMember.Status.ACTIVE) {
            throw refused("member '" + receivingMemberId + "' cannot receive a ported account: "
                    + (receiver == null ? "it is not a known member" : receiver.id.equals(c.memberId)
                    ? "it is the defaulter" : "it is " + receiver.status));
        }
        PortingOffer live = live(accountId).orElse(null);
        if (live != null) {
            throw ProblemException.conflict("porting-offer-exists", "Account already offered",
                    "account " + accountId + " has porting offer " + live.offerId + ", " + live.status);
        }
        Auctions.requireNotInLot(accountId);
        Instant now = now();
        PortingOffer offer = new PortingOffer();
        offer.defaultId = defaultId;
        offer.accountId = accountId;
        offer.accountType = account.accountType;
        offer.receivingMemberId = receiver.id;
        offer.status = PortingOffer.Status.OPEN;
        offer.deadline = now.plus(window == null ? config.portingWindow() : window);
        offer.offeredBy = by;
        offer.offeredAt = now;
        offer.persist();
        return offer;
    }

    /**
     * The receiving member accepts into {@code receivingAccountId}: its own active client account of the same kind.
     * The positions are instructed to move at the last settlement prices. 404 for anyone but the receiving member,
     * 409 once decided or after the deadline, or while the end of day's prices are not all in; 422 for an account
     * that cannot take it.
     */
    @Transactional
    public PortingOffer accept(Caller caller, long offerId, String receivingAccountId) {
        PortingOffer offer = openForReceiver(caller, offerId);
        KnownAccount into = directory.find(receivingAccountId).orElse(null);
        if (into == null || !into.memberId.equals(offer.receivingMemberId) || into.accountType != offer.accountType
                || !into.acceptsBusiness()) {
            throw refused("account '" + receivingAccountId + "' cannot take ported account " + offer.accountId
                    + ": it must be an active " + offer.accountType + " account of " + offer.receivingMemberId
                    + (into == null || into.acceptsBusiness() ? "" : " (" + into.closedBecause() + ")"));
        }
        DefaultCase c = DefaultCase.findById(offer.defaultId);
        LocalDate priceDate = portfolio.priceDate();
        List<DefaultTransfer.Leg> legs = new ArrayList<>();
        for (DefaultPortfolio.Held held : portfolio.held(offer.accountId, priceDate)) {
            if (held.longQuantity() > 0) {
                legs.add(DefaultTransfer.Leg.of(held.instrumentId(), held.longQuantity(), held.settlementPrice(),
                        held.settlementPrice(), held.currency(), held.contractUnit()));
            }
            if (held.shortQuantity() > 0) {
                legs.add(DefaultTransfer.Leg.of(held.instrumentId(), -held.shortQuantity(),
                        held.settlementPrice(), held.settlementPrice(), held.currency(), held.contractUnit()));
            }
        }
        DefaultTransfer transfer = transfers.instruct("D" + offer.defaultId + "-P" + offer.offerId, offer.defaultId,
                TransferPurpose.PORTING, offer.accountId, c.memberId, into.id, into.memberId, priceDate, legs,
                caller.name());
        offer.status = PortingOffer.Status.ACCEPTED;
        offer.receivingAccountId = into.id;
        offer.transferId = transfer.transferId;
        offer.decidedBy = caller.name();
        offer.decidedAt = transfer.instructedAt;
        return offer;
    }

    /** The receiving member declines: the account is free for another offer or the close-out. */
    @Transactional
    public PortingOffer reject(Caller caller, long offerId) {
        PortingOffer offer = openForReceiver(caller, offerId);
        offer.status = PortingOffer.Status.REJECTED;
        offer.decidedBy = caller.name();
        offer.decidedAt = now();
        return offer;
    }

    @Scheduled(every = "${ccp.default-management.expiry-check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireOnSchedule() {
        expireDue();
    }

    /** Offers past their deadline expire (their accounts join the close-out); returns how many. */
    @Transactional
    public int expireDue() {
        Instant now = now();
        List<PortingOffer> due = PortingOffer.list("status = ?1 and deadline < ?2", PortingOffer.Status.OPEN, now);
        for (PortingOffer offer : due) {
            em.lock(offer, LockModeType.PESSIMISTIC_WRITE);
            em.refresh(offer);
            if (offer.status == PortingOffer.Status.OPEN) {
                offer.status = PortingOffer.Status.EXPIRED;
                offer.decidedBy = DefaultCases.AUTOMATIC;
                offer.decidedAt = now;
                LOG.infof("porting offer %d of account %s to %s expired at %s unaccepted: the account joins the "
                        + "close-out of default case %d", offer.offerId, offer.accountId, offer.receivingMemberId,
                        offer.deadline, offer.defaultId);
            }
        }
        return due.size();
    }

    /** Clearing-service answered an accepted offer's transfer: PORTED, or FAILED (nothing moved). */
    @Transactional(Transactional.TxType.MANDATORY)
    void onAnswered(@Observes DefaultTransfers.Answered answered) {
        DefaultTransfer transfer = answered.transfer();
        PortingOffer.<PortingOffer>find("transferId", transfer.transferId).firstResultOptional().ifPresent(offer -> {
            offer.status = transfer.status == DefaultTransfer.Status.BOOKED ? PortingOffer.Status.PORTED
                    : PortingOffer.Status.FAILED;
            if (offer.status == PortingOffer.Status.FAILED) {
                LOG.warnf("porting of account %s to %s failed: clearing-service refused transfer %s (%s: %s)",
                        offer.accountId, offer.receivingAccountId, transfer.transferId, transfer.refusalReason,
                        transfer.refusalDetail);
            }
        });
    }

    /** Offers newest first: all for staff, a member's own (those made to it) for a member user. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PortingOffer> list(Caller caller, Long defaultId, PortingOffer.Status status, int page, int size) {
        List<String> where = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (!caller.seesAllMembers()) {
            values.add(caller.memberId().orElse(""));
            where.add("receivingMemberId = ?" + values.size());
        }
        if (defaultId != null) {
            values.add(defaultId);
            where.add("defaultId = ?" + values.size());
        }
        if (status != null) {
            values.add(status);
            where.add("status = ?" + values.size());
        }
        return PortingOffer.<PortingOffer>find(String.join(" and ", where), Sort.descending("offerId"),
                values.toArray()).page(page, size).list();
    }

    /** The offer, if the caller may see it (staff, or the receiving member). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PortingOffer find(Caller caller, long offerId) {
        return PortingOffer.<PortingOffer>findByIdOptional(offerId)
                .filter(offer -> caller.maySee(offer.receivingMemberId))
                .orElseThrow(() -> ProblemException.notFound("porting offer", String.valueOf(offerId)));
    }

    /** The account's offer that is OPEN, ACCEPTED or PORTED, if any. */
    static Optional<PortingOffer> live(String accountId) {
        return PortingOffer.find("accountId = ?1 and status in ?2", accountId, PortingOffer.LIVE).firstResultOptional();
    }

    private PortingOffer openForReceiver(Caller caller, long offerId) {
        PortingOffer offer = PortingOffer.<PortingOffer>findByIdOptional(offerId)
                .filter(o -> caller.memberId().map(o.receivingMemberId::equals).orElse(false))
                .orElseThrow(() -> ProblemException.notFound("porting offer", String.valueOf(offerId)));
        DefaultCase c = DefaultCase.findById(offer.defaultId);
        locks.hold(c.memberId);
        em.refresh(offer);
        if (offer.status != PortingOffer.Status.OPEN) {
            throw ProblemException.conflict("porting-offer-decided", "Porting offer already decided",
                    "porting offer " + offerId + " is " + offer.status);
        }
        if (!now().isBefore(offer.deadline)) {
            throw ProblemException.conflict("porting-window-closed", "Porting window closed",
                    "porting offer " + offerId + " could be accepted until " + offer.deadline
                            + "; the account joins the close-out");
        }
        return offer;
    }

    private static ProblemException refused(String detail) {
        return ProblemException.refused("porting-refused", "Porting refused", detail);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
