package io.computeclearing.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Default management at risk-service: a risk or admin user proposes a member's default, a second, different user
 * approves it (the member is then DEFAULTED at account-service) or someone withdraws it first. Then the default
 * manager offers the defaulter's client accounts for porting (the receiving member's users accept), enters hedges,
 * lots the close-out portfolio and auctions it (invited members bid, sealed), and reads the default report. The back
 * office reads cases, transfers and the report; members see only their own offers, auctions and bids.
 */
public final class Defaults {

    public enum Reason { MISSED_MARGIN_CALL, MISSED_CONTRIBUTION_CALL, INSOLVENCY, REGULATOR }

    public enum Status { PROPOSED, WITHDRAWN, DECLARED }

    /** A case: who proposed it and why ({@code callId}: the escalated call that did), who decided it and when. */
    public record DefaultCase(long defaultId, String memberId, Reason reason, String detail, String callId,
                              Status status, String proposedBy, Instant proposedAt, String decidedBy,
                              Instant decidedAt, String withdrawalReason) {
    }

    /** A transfer of the defaulter's positions (PORTING, AUCTION, HEDGE) and clearing-service's answer. */
    public record Transfer(String transferId, long defaultId, String purpose, String fromAccountId,
                           String toAccountId, String toMemberId, LocalDate priceDate, String status,
                           LocalDate businessDate, String refusalReason, String refusalDetail, String instructedBy,
                           Instant instructedAt, Instant answeredAt, List<TransferLeg> legs) {
    }

    /** What the receiving account takes, at which price, and its cost to the CCP against the settlement price. */
    public record TransferLeg(String instrumentId, long quantity, BigDecimal price, BigDecimal settlementPrice,
                              String currency, BigDecimal closeOutCost) {
    }

    /** An open position as risk-service knows it. */
    public record OpenPosition(String instrumentId, long longQuantity, long shortQuantity) {
    }

    /** A porting offer: OPEN, ACCEPTED, PORTED, FAILED, REJECTED or EXPIRED. */
    public record PortingOffer(long offerId, long defaultId, String accountId, String accountType,
                               String receivingMemberId, String status, Instant deadline, String offeredBy,
                               Instant offeredAt, String receivingAccountId, String decidedBy, Instant decidedAt,
                               List<OpenPosition> positions, Transfer transfer) {
    }

    /** A lot's position (the defaulter's account is named to staff only). */
    public record LotPosition(String accountId, String instrumentId, long longQuantity, long shortQuantity,
                              BigDecimal settlementPrice) {
    }

    public record Bid(long bidId, String memberId, String accountId, BigDecimal amount, String currency,
                      String placedBy, Instant placedAt) {
    }

    public record Invited(String memberId, boolean obliged, boolean bid) {
    }

    /** An auction of a lot as the caller may see it: a member its own bid and whether it won; staff every bid. */
    public record Auction(long auctionId, long defaultId, long lotId, String lot, String currency, String lotStatus,
                          List<LotPosition> positions, Instant deadline, String status, String openedBy,
                          Instant openedAt, String closedBy, Instant closedAt, Boolean obliged, Bid yourBid,
                          Boolean won, List<Invited> invited, List<Bid> bids, Bid winningBid,
                          List<String> missedObligation, List<Transfer> transfers) {
    }

    /** A lot to auction: whole positions (account, instrument). */
    public record Lot(String name, List<PositionRef> positions) {
    }

    public record PositionRef(String accountId, String instrumentId) {
    }

    /** The default report; the waterfall as account-service posted it is given as published. */
    public record Report(DefaultCase defaultCase, List<Step> timeline, List<PortingOffer> portingOffers,
                         JsonNode lots, List<Transfer> transfers, List<CloseOutCost> closeOutCosts, JsonNode waterfall,
                         Left left) {
    }

    public record Step(Instant at, String what, String by) {
    }

    public record CloseOutCost(String currency, BigDecimal auctions, BigDecimal hedges, BigDecimal total) {
    }

    public record Left(List<JsonNode> openPositions, long openPortingOffers, long openAuctions,
                       long transfersAwaitingClearing, BigDecimal uncovered) {
    }

    private record Proposal(String memberId, Reason reason, String detail) {
    }

    private record NewOffer(long defaultId, String accountId, String receivingMemberId, Integer windowMinutes) {
    }

    private record Acceptance(String receivingAccountId) {
    }

    private record NewAuctions(long defaultId, Instant deadline, List<Lot> lots) {
    }

    private record NewBid(String accountId, BigDecimal amount) {
    }

    private record NewHedge(long defaultId, String accountId, String counterpartyAccountId, String instrumentId,
                            long quantity, BigDecimal price) {
    }

    private record Withdrawal(String why) {
    }

    private final RestCalls calls;
    private final URI defaults;
    private final URI offers;
    private final URI auctions;
    private final URI hedges;

    Defaults(RestCalls calls, URI riskService) {
        this.calls = calls;
        this.defaults = RestCalls.url(riskService, "defaults");
        this.offers = RestCalls.url(riskService, "porting-offers");
        this.auctions = RestCalls.url(riskService, "auctions");
        this.hedges = RestCalls.url(riskService, "hedges");
    }

    /** Proposes the member's default (risk, admin); 409 while a case of the member is open. */
    public DefaultCase propose(String memberId, Reason reason, String detail) {
        return calls.post(defaults, new Proposal(memberId, reason, detail), DefaultCase.class);
    }

    /** Approves a proposal (risk, admin; never its proposer: 409 four-eyes): the member is in default. */
    public DefaultCase approve(long defaultId) {
        return calls.post(RestCalls.url(defaults, defaultId, "approval"), null, DefaultCase.class);
    }

    /** Withdraws a proposal before approval. */
    public DefaultCase withdraw(long defaultId, String why) {
        return calls.post(RestCalls.url(defaults, defaultId, "withdrawal"), new Withdrawal(why), DefaultCase.class);
    }

    public DefaultCase get(long defaultId) {
        return calls.get(RestCalls.url(defaults, defaultId), DefaultCase.class);
    }

    /** Cases newest first; {@code status} and {@code memberId} filter when not null. */
    public List<DefaultCase> list(Status status, String memberId) {
        return calls.get(RestCalls.query(defaults, RestCalls.parameters("status", status, "memberId", memberId)),
                new TypeReference<>() { });
    }

    /** Offers a defaulter's client account to a member (risk, admin); {@code windowMinutes} null: the default window. */
    public PortingOffer offer(long defaultId, String accountId, String receivingMemberId, Integer windowMinutes) {
        return calls.post(offers, new NewOffer(defaultId, accountId, receivingMemberId, windowMinutes),
                PortingOffer.class);
    }

    /** The receiving member's user accepts into its own client account of the same kind. */
    public PortingOffer accept(long offerId, String receivingAccountId) {
        return calls.post(RestCalls.url(offers, offerId, "acceptance"), new Acceptance(receivingAccountId),
                PortingOffer.class);
    }

    public PortingOffer reject(long offerId) {
        return calls.post(RestCalls.url(offers, offerId, "rejection"), null, PortingOffer.class);
    }

    public PortingOffer offer(long offerId) {
        return calls.get(RestCalls.url(offers, offerId), PortingOffer.class);
    }

    /** Offers newest first: staff all, a member those made to it. */
    public List<PortingOffer> offers(Long defaultId) {
        return calls.get(RestCalls.query(offers, RestCalls.parameters("defaultId", defaultId)),
                new TypeReference<>() { });
    }

    /** Lots the close-out portfolio ({@code lots} null: one per product family) and opens an auction of each. */
    public List<Auction> openAuctions(long defaultId, Instant deadline, List<Lot> lots) {
        return calls.post(auctions, new NewAuctions(defaultId, deadline, lots), new TypeReference<>() { });
    }

    /** An invited member's sealed bid: what the CCP pays it (negative: what it pays) to take the lot. */
    public Bid bid(long auctionId, String accountId, BigDecimal amount) {
        return calls.post(RestCalls.url(auctions, auctionId, "bids"), new NewBid(accountId, amount), Bid.class);
    }

    /** Closes an auction after its deadline (risk, admin): awarded to the lowest bid, or no bids. */
    public Auction close(long auctionId) {
        return calls.post(RestCalls.url(auctions, auctionId, "close"), null, Auction.class);
    }

    public Auction auction(long auctionId) {
        return calls.get(RestCalls.url(auctions, auctionId), Auction.class);
    }

    /** Auctions newest first: staff all, a member those it is invited to. */
    public List<Auction> auctions(Long defaultId) {
        return calls.get(RestCalls.query(auctions, RestCalls.parameters("defaultId", defaultId)),
                new TypeReference<>() { });
    }

    /** A hedging trade: the counterparty account buys {@code quantity} (negative: sells) from the defaulter's. */
    public Transfer hedge(long defaultId, String accountId, String counterpartyAccountId, String instrumentId,
                          long quantity, BigDecimal price) {
        return calls.post(hedges, new NewHedge(defaultId, accountId, counterpartyAccountId, instrumentId, quantity,
                price), Transfer.class);
    }

    public List<Transfer> transfers(long defaultId) {
        return calls.get(RestCalls.url(defaults, defaultId, "transfers"), new TypeReference<>() { });
    }

    public Report report(long defaultId) {
        return calls.get(RestCalls.url(defaults, defaultId, "report"), Report.class);
    }
}
