package io.computeclearing.risk.defaults;

import io.computeclearing.platform.accounts.AccountDirectory;
import io.computeclearing.platform.accounts.KnownAccount;
import io.computeclearing.platform.accounts.KnownMember;
import io.computeclearing.platform.events.risk.RiskEvents.TransferPurpose;
import io.computeclearing.platform.problem.ProblemException;
import io.computeclearing.platform.security.Caller;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The close-out of a defaulter's portfolio by sealed-bid auctions. The portfolio is every open position of its house
 * accounts and of its client accounts that are not being ported (no offer OPEN, ACCEPTED or PORTED), less what is
 * already in a lot. The default manager splits it into lots (by product family, or as given: whole positions, every
 * one exactly once, one currency per lot) and opens an auction per lot; invited members bid; after the deadline the
 * lowest-cost bid wins (ties: the earlier) and the lot moves to the winner at prices that realise its bid
 * ({@link BidRealisation}).
 */
@ApplicationScoped
public class Auctions {

    private static final Logger LOG = Logger.getLogger(Auctions.class);

    /** A lot as the default manager gives it: a name and whole positions (account, instrument). */
    public record LotRequest(String name, List<PositionRef> positions) {
    }

    /** A position of the close-out portfolio. */
    public record PositionRef(String accountId, String instrumentId) {
    }

    private final EntityManager em;
    private final DefaultCaseLocks locks;
    private final AccountDirectory directory;
    private final DefaultPortfolio portfolio;
    private final DefaultTransfers transfers;
    private final DefaultManagementConfig config;
    private final Clock clock;

    public Auctions(EntityManager em, DefaultCaseLocks locks, AccountDirectory directory, DefaultPortfolio portfolio,
                    DefaultTransfers transfers, DefaultManagementConfig config, Clock clock) {
        this.em = em;
        this.locks = locks;
        this.directory = directory;
        this.portfolio = portfolio;
        this.transfers = transfers;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Splits what is left of the close-out portfolio into lots ({@code lots} as given, or one per product family when
     * null) and opens an auction of each until {@code deadline}. 409 unless the default is declared, when nothing is
     * left to auction or the deadline is past; 422 (/problems/lots-not-a-partition) when the lots leave out a
     * position, name one twice or one not in the portfolio, mix currencies, or repeat a name.
     */
    @Transactional
    public List<Auction> open(long defaultId, List<LotRequest> lots, Instant deadline, String by) {
        DefaultCase c = locks.declared(defaultId);
        Instant now = now();
        if (!deadline.isAfter(now)) {
            throw ProblemException.conflict("deadline-past", "Deadline in the past",
                    "an auction's deadline must be later than now (" + now + "), was " + deadline);
        }
        LocalDate priceDate = portfolio.priceDate();
        Map<PositionRef, DefaultPortfolio.Held> left = closeOutPortfolio(defaultId, c.memberId, priceDate);
        if (left.isEmpty()) {
            throw ProblemException.conflict("nothing-to-auction", "Nothing left to auction",
                    "every open position of " + c.memberId + " is in a lot or being ported");
        }
        Map<String, List<DefaultPortfolio.Held>> partition = lots == null ? byFamily(left) : asGiven(lots, left);
        List<String> invited = directory.list(Optional.empty()).stream()
                .filter(a -> a.memberStatus == KnownMember.Status.ACTIVE && !a.memberId.equals(c.memberId))
                .map(a -> a.memberId).distinct().sorted().toList();
        List<Auction> opened = new ArrayList<>();
        partition.forEach((name, positions) -> {
            AuctionLot lot = new AuctionLot();
            lot.defaultId = defaultId;
            lot.name = uniqueName(defaultId, name);
            lot.currency = positions.get(0).currency();
            lot.status = AuctionLot.Status.AUCTIONING;
            lot.createdBy = by;
            lot.createdAt = now;
            positions.forEach(held -> lot.positions.add(AuctionLot.Position.of(held)));
            lot.persist();
            Auction auction = new Auction();
            auction.lot = lot;
            auction.defaultId = defaultId;
            auction.priceDate = priceDate;
            auction.deadline = deadline;
            auction.status = Auction.Status.OPEN;
            auction.openedBy = by;
            auction.openedAt = now;
            invited.forEach(member -> auction.invitations.add(Auction.Invitation.of(member,
                    config.biddingObliged())));
            auction.persist();
            opened.add(auction);
        });
        return opened;
    }

    /**
     * The caller's sealed bid. 404 unless the caller's member is invited; 409 after the deadline, once closed, or for
     * a second bid; 422 when the member is no longer active (a defaulted member bids for nothing) or the account is
     * not an active house account of its own.
     */
    @Transactional
    public AuctionBid bid(Caller caller, long auctionId, String accountId, BigDecimal amount) {
        String member = caller.memberId().orElse("");
        Auction auction = Auction.<Auction>findByIdOptional(auctionId, LockModeType.PESSIMISTIC_WRITE)
                .filter(a -> a.invites(member))
                .orElseThrow(() -> ProblemException.notFound("auction", String.valueOf(auctionId)));
        Instant now = now();
        if (auction.status != Auction.Status.OPEN || !now.isBefore(auction.deadline)) {
            throw ProblemException.conflict("auction-closed", "Auction closed",
                    "auction " + auctionId + " took bids until " + auction.deadline + "; it is "
                            + (auction.status == Auction.Status.OPEN ? "past its deadline" : auction.status));
        }
        KnownMember bidder = em.find(KnownMember.class, member);
        if (bidder == null || bidder.status != KnownMember.Status.ACTIVE) {
            throw ProblemException.refused("bidder-not-active", "Bidder not active",
                    "member " + member + " is " + (bidder == null ? "not known" : bidder.status)
                            + ": only active members bid");
        }
        KnownAccount into = directory.find(accountId).orElse(null);
        if (into == null || !into.memberId.equals(member) || into.accountType != KnownAccount.AccountType.HOUSE
                || !into.acceptsBusiness()) {
            throw ProblemException.refused("bid-account-refused", "Account cannot take the lot",
                    "a lot goes into an active house account of the bidder; '" + accountId + "' is not one of "
                            + member);
        }
        if (AuctionBid.count("auctionId = ?1 and memberId = ?2", auctionId, member) > 0) {
            throw ProblemException.conflict("bid-already-placed", "Bid already placed",
                    "member " + member + " has bid in auction " + auctionId + " already: one sealed bid each");
        }
        AuctionBid bid = new AuctionBid();
        bid.auctionId = auctionId;
        bid.memberId = member;
        bid.accountId = into.id;
        bid.amount = amount.setScale(2);
        bid.currency = auction.lot.currency;
        bid.placedBy = caller.name();
        bid.placedAt = now;
        bid.persist();
        return bid;
    }

    /**
     * Closes the auction after its deadline: the lowest amount wins (the earlier bid on a tie) and the lot's
     * positions are instructed to move to the winner's account at prices realising its bid; without bids the lot is
     * UNSOLD and its positions can be lotted again. 409 before the deadline or once closed.
     */
    @Transactional
    public Auction close(long auctionId, String by) {
        Auction auction = Auction.<Auction>findByIdOptional(auctionId)
                .orElseThrow(() -> ProblemException.notFound("auction", String.valueOf(auctionId)));
        DefaultCase c = locks.declared(auction.defaultId);
        em.refresh(auction);
        Instant now = now();
        if (auction.status != Auction.Status.OPEN) {
            throw ProblemException.conflict("auction-closed", "Auction closed",
                    "auction " + auctionId + " was closed at " + auction.closedAt + ": " + auction.status);
        }
        if (now.isBefore(auction.deadline)) {
            throw ProblemException.conflict("auction-still-open", "Auction still open",
                    "auction " + auctionId + " takes bids until " + auction.deadline);
        }
        auction.closedBy = by;
        auction.closedAt = now;
        Optional<AuctionBid> winner = bids(auctionId).stream().findFirst();
        if (winner.isEmpty()) {
            auction.status = Auction.Status.NO_BIDS;
            auction.lot.status = AuctionLot.Status.UNSOLD;
            LOG.warnf("auction %d of lot %s (default case %d) closed without bids: the lot is unsold", auctionId,
                    auction.lot.name, auction.defaultId);
            return auction;
        }
        AuctionBid won = winner.get();
        auction.status = Auction.Status.AWARDED;
        auction.winningBidId = won.bidId;
        auction.lot.status = AuctionLot.Status.SOLD;
        instructAward(c, auction, won, by);
        return auction;
    }

    /** The auction's bids, best first: lowest amount, then earliest. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuctionBid> bids(long auctionId) {
        return AuctionBid.list("auctionId", Sort.ascending("amount", "placedAt", "bidId"), auctionId);
    }

    /** Auctions newest first: all for staff, those the member is invited to for a member user. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Auction> list(Caller caller, Long defaultId, Auction.Status status, int page, int size) {
        StringBuilder where = new StringBuilder("from Auction a where 1 = 1");
        Map<String, Object> values = new LinkedHashMap<>();
        if (!caller.seesAllMembers()) {
            where.append(" and exists (select 1 from Auction b join b.invitations i where b = a and i.memberId = :member)");
            values.put("member", caller.memberId().orElse(""));
        }
        if (defaultId != null) {
            where.append(" and a.defaultId = :defaultId");
            values.put("defaultId", defaultId);
        }
        if (status != null) {
            where.append(" and a.status = :status");
            values.put("status", status);
        }
        var query = em.createQuery(where + " order by a.auctionId desc", Auction.class);
        values.forEach(query::setParameter);
        return query.setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    /** The auction if the caller may see it: staff, or an invited member. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Auction find(Caller caller, long auctionId) {
        return Auction.<Auction>findByIdOptional(auctionId)
                .filter(a -> caller.seesAllMembers() || a.invites(caller.memberId().orElse("")))
                .orElseThrow(() -> ProblemException.notFound("auction", String.valueOf(auctionId)));
    }

    /** 409 while the account has a position in a lot being auctioned or sold: it is in the close-out. */
    static void requireNotInLot(String accountId) {
        List<AuctionLot> lots = AuctionLot.list("select distinct l from AuctionLot l join l.positions p "
                + "where p.accountId = ?1 and l.status <> ?2", accountId, AuctionLot.Status.UNSOLD);
        if (!lots.isEmpty()) {
            throw ProblemException.conflict("account-in-close-out", "Account in the close-out",
                    "account " + accountId + " has positions in lot " + lots.get(0).name + " ("
                            + lots.get(0).status + ")");
        }
    }

    /** The open positions of the defaulter's house and unported client accounts that are in no live lot. */
    private Map<PositionRef, DefaultPortfolio.Held> closeOutPortfolio(long defaultId, String defaulter,
                                                                     LocalDate priceDate) {
        Map<PositionRef, DefaultPortfolio.Held> left = new TreeMap<>(
                Comparator.comparing(PositionRef::accountId).thenComparing(PositionRef::instrumentId));
        for (KnownAccount account : directory.list(Optional.of(defaulter))) {
            if (account.accountType != KnownAccount.AccountType.HOUSE
                    && PortingOffers.live(account.id).isPresent()) {
                continue;
            }
            for (DefaultPortfolio.Held held : portfolio.held(account.id, priceDate)) {
                left.put(new PositionRef(account.id, held.instrumentId()), held);
            }
        }
        List<AuctionLot> live = AuctionLot.list("defaultId = ?1 and status <> ?2", defaultId, AuctionLot.Status.UNSOLD);
        live.forEach(lot -> lot.positions.forEach(p -> left.remove(new PositionRef(p.accountId, p.instrumentId))));
        left.values().forEach(held -> {
            if (!BidRealisation.realisable(held.contractUnit())) {
                throw notAPartition(held.instrumentId() + " has a contract unit of " + held.contractUnit()
                        + ": a cent per contract is not a price clearing-service can book");
            }
        });
        return left;
    }

    private static Map<String, List<DefaultPortfolio.Held>> byFamily(Map<PositionRef, DefaultPortfolio.Held> left) {
        Map<String, List<DefaultPortfolio.Held>> lots = new TreeMap<>();
        left.values().forEach(held -> lots.computeIfAbsent(held.family(), f -> new ArrayList<>()).add(held));
        return lots;
    }

    private static Map<String, List<DefaultPortfolio.Held>> asGiven(List<LotRequest> requested,
                                                                     Map<PositionRef, DefaultPortfolio.Held> left) {
        Map<String, List<DefaultPortfolio.Held>> lots = new LinkedHashMap<>();
        Map<PositionRef, String> placed = new TreeMap<>(
                Comparator.comparing(PositionRef::accountId).thenComparing(PositionRef::instrumentId));
        for (LotRequest lot : requested) {
            if (lots.containsKey(lot.name())) {
                throw notAPartition("lot name '" + lot.name() + "' is given twice");
            }
            List<DefaultPortfolio.Held> positions = new ArrayList<>();
            for (PositionRef ref : lot.positions()) {
                DefaultPortfolio.Held held = left.get(ref);
                if (held == null) {
                    throw notAPartition(ref.accountId() + " / " + ref.instrumentId()
                            + " is not an open position of the close-out portfolio left to lot");
                }
                String other = placed.putIfAbsent(ref, lot.name());
                if (other != null) {
                    throw notAPartition(ref.accountId() + " / " + ref.instrumentId() + " is in lot '" + other
                            + "' and lot '" + lot.name() + "'");
                }
                if (!positions.isEmpty() && !positions.get(0).currency().equals(held.currency())) {
                    throw notAPartition("lot '" + lot.name() + "' mixes " + positions.get(0).currency() + " and "
                            + held.currency() + ": a bid is one amount in one currency");
                }
                positions.add(held);
            }
            lots.put(lot.name(), positions);
        }
        List<PositionRef> missing = left.keySet().stream().filter(ref -> !placed.containsKey(ref)).toList();
        if (!missing.isEmpty()) {
            throw notAPartition("the lots leave out " + missing.stream()
                    .map(ref -> ref.accountId() + " / " + ref.instrumentId()).toList()
                    + ": every position of the close-out portfolio goes into exactly one lot");
        }
        return lots;
    }

    /**
     * Instructs one transfer per account of the lot, realising the winning bid over all its contracts against the
     * latest settlement prices (an end of day during the auction paid the defaulter's account the day's variation
     * margin on the lot, so the bid is realised against the new prices).
     */
    private void instructAward(DefaultCase c, Auction auction, AuctionBid won, String by) {
        LocalDate priceDate = portfolio.priceDate();
        Map<String, List<DefaultPortfolio.Held>> heldByAccount = new TreeMap<>();
        List<BidRealisation.Line> lines = new ArrayList<>();
        for (AuctionLot.Position p : auction.lot.positions) {
            BigDecimal settlement = heldByAccount.computeIfAbsent(p.accountId,
                            account -> portfolio.held(account, priceDate)).stream()
                    .filter(held -> held.instrumentId().equals(p.instrumentId)
                            && held.longQuantity() == p.longQuantity && held.shortQuantity() == p.shortQuantity)
                    .map(DefaultPortfolio.Held::settlementPrice).findFirst()
                    .orElseThrow(() -> ProblemException.conflict("lot-changed", "Lot no longer held",
                            "account " + p.accountId + " no longer holds " + p.longQuantity + " long and "
                                    + p.shortQuantity + " short of " + p.instrumentId + " as lot " + auction.lot.name
                                    + " says"));
            if (p.longQuantity > 0) {
                lines.add(new BidRealisation.Line(p.accountId, p.instrumentId, p.longQuantity, settlement,
                        p.contractUnit));
            }
            if (p.shortQuantity > 0) {
                lines.add(new BidRealisation.Line(p.accountId, p.instrumentId, -p.shortQuantity, settlement,
                        p.contractUnit));
            }
        }
        Map<String, List<DefaultTransfer.Leg>> byAccount = new TreeMap<>();
        for (BidRealisation.Priced leg : BidRealisation.realise(won.amount, lines)) {
            byAccount.computeIfAbsent(leg.line().accountId(), a -> new ArrayList<>()).add(DefaultTransfer.Leg.of(
                    leg.line().instrumentId(), leg.quantity(), leg.price(), leg.line().settlementPrice(),
                    auction.lot.currency, leg.line().contractUnit()));
        }
        int n = 0;
        for (Map.Entry<String, List<DefaultTransfer.Leg>> account : byAccount.entrySet()) {
            DefaultTransfer transfer = transfers.instruct("D" + auction.defaultId + "-A" + auction.auctionId + "-"
                            + ++n, auction.defaultId, TransferPurpose.AUCTION, account.getKey(), c.memberId,
                    won.accountId, won.memberId, priceDate, account.getValue(), by);
            transfer.auctionId = auction.auctionId;
        }
    }

    private String uniqueName(long defaultId, String name) {
        String candidate = name;
        for (int n = 2; AuctionLot.count("defaultId = ?1 and name = ?2", defaultId, candidate) > 0; n++) {
            candidate = name + "-" + n;
        }
        return candidate;
    }

    private static ProblemException notAPartition(String detail) {
        return ProblemException.refused("lots-not-a-partition", "Lots do not partition the portfolio", detail);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
