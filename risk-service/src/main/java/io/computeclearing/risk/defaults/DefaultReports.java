package io.computeclearing.risk.defaults;

import com.fasterxml.jackson.databind.JsonNode;
import io.computeclearing.platform.accounts.AccountDirectory;
import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.risk.RiskEvents.TransferPurpose;
import io.computeclearing.platform.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The default report: everything default management did for one case, in one document for the risk committee and
 * the regulator. The timeline of every step with who took it, the porting offers, every lot, auction and bid (bids
 * are sealed until their auction closes), every transfer with its close-out cost against the last settlement price,
 * the close-out loss per currency, the waterfall as account-service posted it (its journal entries included), and
 * what is left: positions still held, offers and auctions still open, the loss no layer covered.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DefaultReports {

    /** A step of the case, when and by whom. */
    public record Step(Instant at, String what, String by) {
    }

    /** A lot and its auctions. */
    public record LotReport(long lotId, String name, String currency, AuctionLot.Status status,
                            List<AuctionLot.Position> positions, List<AuctionReport> auctions) {
    }

    /** An auction: every bid once it is closed (only how many while it is open). */
    public record AuctionReport(long auctionId, Instant deadline, Auction.Status status, int bidsReceived,
                                List<AuctionResource.BidView> bids, Long winningBidId, List<String> missedObligation) {
    }

    /** What handing positions over cost the CCP against the last settlement prices, per currency and purpose. */
    public record CloseOutCost(String currency, BigDecimal auctions, BigDecimal hedges, BigDecimal total) {
    }

    /** What default management has not finished. */
    public record Left(List<HeldPosition> openPositions, long openPortingOffers, long openAuctions,
                       long transfersAwaitingClearing, BigDecimal uncovered) {
    }

    public record HeldPosition(String accountId, String instrumentId, long longQuantity, long shortQuantity) {
    }

    public record Report(DefaultCaseResource.View defaultCase, List<Step> timeline,
                         List<PortingOfferResource.View> portingOffers, List<LotReport> lots,
                         List<TransferView> transfers, List<CloseOutCost> closeOutCosts, JsonNode waterfall,
                         Left left) {
    }

    private final EntityManager em;
    private final AccountDirectory directory;
    private final DefaultPortfolio portfolio;
    private final DefaultTransfers transfers;
    private final Auctions auctions;

    public DefaultReports(EntityManager em, AccountDirectory directory, DefaultPortfolio portfolio,
                          DefaultTransfers transfers, Auctions auctions) {
        this.em = em;
        this.directory = directory;
        this.portfolio = portfolio;
        this.transfers = transfers;
        this.auctions = auctions;
    }

    public Report of(long defaultId) {
        DefaultCase c = DefaultCase.<DefaultCase>findByIdOptional(defaultId)
                .orElseThrow(() -> ProblemException.notFound("default case", String.valueOf(defaultId)));
        List<Step> timeline = new ArrayList<>();
        timeline.add(new Step(c.proposedAt, "default proposed: " + c.reason + " (" + c.detail + ")", c.proposedBy));
        if (c.decidedAt != null) {
            timeline.add(new Step(c.decidedAt, c.status == DefaultCase.Status.WITHDRAWN
                    ? "proposal withdrawn: " + c.withdrawalReason : "default declared", c.decidedBy));
        }
        List<PortingOffer> offers = PortingOffer.list("defaultId", Sort.ascending("offerId"), defaultId);
        for (PortingOffer o : offers) {
            timeline.add(new Step(o.offeredAt, "account " + o.accountId + " offered to " + o.receivingMemberId
                    + " until " + o.deadline, o.offeredBy));
            if (o.decidedAt != null) {
                timeline.add(new Step(o.decidedAt, "porting offer " + o.offerId + " " + o.status
                        + (o.receivingAccountId == null ? "" : " into " + o.receivingAccountId), o.decidedBy));
            }
        }
        List<DefaultTransfer> moved = transfers.ofDefault(defaultId);
        for (DefaultTransfer t : moved) {
            timeline.add(new Step(t.instructedAt, t.purpose + " transfer " + t.transferId + " instructed: "
                    + t.fromAccountId + " to " + t.toAccountId, t.instructedBy));
            if (t.answeredAt != null) {
                timeline.add(new Step(t.answeredAt, "transfer " + t.transferId + " " + t.status
                        + (t.status == DefaultTransfer.Status.BOOKED ? " on " + t.businessDate
                        : ": " + t.refusalReason), "clearing-service"));
            }
        }
        List<LotReport> lots = new ArrayList<>();
        long openAuctions = 0;
        for (AuctionLot lot : AuctionLot.<AuctionLot>list("defaultId", Sort.ascending("lotId"), defaultId)) {
            List<AuctionReport> reports = new ArrayList<>();
            for (Auction a : Auction.<Auction>list("lot", Sort.ascending("auctionId"), lot)) {
                List<AuctionBid> bids = auctions.bids(a.auctionId);
                boolean closed = a.status != Auction.Status.OPEN;
                openAuctions += closed ? 0 : 1;
                timeline.add(new Step(a.openedAt, "auction " + a.auctionId + " of lot " + lot.name
                        + " opened until " + a.deadline, a.openedBy));
                if (closed) {
                    timeline.add(new Step(a.closedAt, "auction " + a.auctionId + " closed: " + a.status
                            + bids.stream().filter(b -> b.bidId.equals(a.winningBidId)).findFirst()
                            .map(b -> ", won by " + b.memberId + " at " + b.amount.toPlainString() + " " + b.currency)
                            .orElse(""), a.closedBy));
                }
                reports.add(new AuctionReport(a.auctionId, a.deadline, a.status, bids.size(),
                        closed ? bids.stream().map(AuctionResource.BidView::of).toList() : null, a.winningBidId,
                        closed ? a.invitations.stream().filter(i -> i.obliged && bids.stream()
                                .noneMatch(b -> b.memberId.equals(i.memberId))).map(i -> i.memberId).toList()
                                : null));
            }
            lots.add(new LotReport(lot.lotId, lot.name, lot.currency, lot.status, lot.positions, reports));
        }
        @SuppressWarnings("unchecked")
        Optional<Object[]> waterfall = em.createNativeQuery(
                        "select applied_at, applied_by, cast(event as text), uncovered from default_waterfall "
                                + "where default_id = :id")
                .setParameter("id", defaultId).getResultStream().findFirst();
        waterfall.ifPresent(w -> timeline.add(new Step(instant(w[0]), "default waterfall applied", (String) w[1])));
        timeline.sort(Comparator.comparing(Step::at));

        List<HeldPosition> held = new ArrayList<>();
        directory.list(Optional.of(c.memberId)).forEach(account -> portfolio.open(account.id).forEach(open ->
                held.add(new HeldPosition(account.id, open.instrumentId(), open.longQuantity(),
                        open.shortQuantity()))));
        Left left = new Left(held, offers.stream().filter(o -> o.status == PortingOffer.Status.OPEN).count(),
                openAuctions, moved.stream().filter(t -> t.status == DefaultTransfer.Status.INSTRUCTED).count(),
                waterfall.map(w -> (BigDecimal) w[3]).orElse(null));
        return new Report(DefaultCaseResource.View.of(c), timeline,
                offers.stream().map(o -> PortingOfferResource.View.of(o, portfolio)).toList(), lots,
                moved.stream().map(TransferView::of).toList(), closeOutCosts(moved),
                waterfall.map(w -> EventCodec.parseTree((String) w[2])).orElse(null), left);
    }

    private static Instant instant(Object timestamp) {
        return timestamp instanceof Instant at ? at : ((OffsetDateTime) timestamp).toInstant();
    }

    /** The booked auction and hedge transfers' costs, per currency. */
    private static List<CloseOutCost> closeOutCosts(List<DefaultTransfer> moved) {
        Map<String, BigDecimal[]> byCurrency = new TreeMap<>();
        for (DefaultTransfer t : moved) {
            if (t.status != DefaultTransfer.Status.BOOKED || t.purpose == TransferPurpose.PORTING) {
                continue;
            }
            for (DefaultTransfer.Leg leg : t.legs) {
                BigDecimal[] costs = byCurrency.computeIfAbsent(leg.currency,
                        currency -> new BigDecimal[] {BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)});
                int slot = t.purpose == TransferPurpose.AUCTION ? 0 : 1;
                costs[slot] = costs[slot].add(leg.closeOutCost);
            }
        }
        return byCurrency.entrySet().stream().map(e -> new CloseOutCost(e.getKey(), e.getValue()[0],
                e.getValue()[1], e.getValue()[0].add(e.getValue()[1]))).toList();
    }
}
