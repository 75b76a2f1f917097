package io.computeclearing.risk.defaults;

import io.computeclearing.platform.bounds.Decimal;
import io.computeclearing.platform.problem.EnumFilter;
import io.computeclearing.platform.rest.Paging;
import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Sealed-bid auctions of a defaulter's close-out portfolio: the default manager (risk, admin) lots it and opens the
 * auctions, then closes each after its deadline; invited members bid. A member sees the auctions it is invited to and
 * only its own bid, before and after the close; the default manager and back office see every bid once closed.
 */
@Path("/auctions")
public class AuctionResource {

    /** Lots to auction until {@code deadline}: as given, or one per product family when {@code lots} is absent. */
    public record NewAuctions(@NotNull @Min(1) Long defaultId, @NotNull Instant deadline,
                              @Size(min = 1, max = 100) List<@Valid @NotNull Lot> lots) {
    }

    /** A lot: its name and whole positions of the close-out portfolio. */
    public record Lot(@NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 _.-]{0,39}",
            message = "must be 1-40 letters, digits, spaces, '_', '.' or '-'") String name,
                      @NotEmpty @Size(max = 1_000) List<@Valid @NotNull PositionRef> positions) {
    }

    public record PositionRef(
            @NotNull @Pattern(regexp = PortingOfferResource.ID, message = PortingOfferResource.ID_RULE) String accountId,
            @NotNull @Pattern(regexp = PortingOfferResource.INSTRUMENT_ID,
                    message = PortingOfferResource.INSTRUMENT_ID_RULE)
            String instrumentId) {
    }

    /**
     * A sealed bid: what the CCP pays the bidder (negative: what the bidder pays) to take the whole lot into its
     * house account.
     */
    public record NewBid(@NotNull @Pattern(regexp = PortingOfferResource.ID, message = PortingOfferResource.ID_RULE)
                         String accountId,
                         @NotNull @Decimal(integer = 15, fraction = 2)
                         @DecimalMin(value = "-999999999999999.99") @DecimalMax(value = "999999999999999.99")
                         BigDecimal amount) {
    }

    /** An auction as the caller may see it. */
    public record View(long auctionId, long defaultId, long lotId, String lot, String currency,
                       AuctionLot.Status lotStatus, List<LotPosition> positions, Instant deadline,
                       Auction.Status status, String openedBy, Instant openedAt, String closedBy, Instant closedAt,
                       Boolean obliged, BidView yourBid, Boolean won, List<Invited> invited, List<BidView> bids,
                       BidView winningBid, List<String> missedObligation, List<TransferView> transfers) {
    }

    /** A position of the lot; the defaulter's account is named only to the default manager and back office. */
    public record LotPosition(String accountId, String instrumentId, long longQuantity, long shortQuantity,
                              BigDecimal settlementPrice) {
    }

    public record Invited(String memberId, boolean obliged, boolean bid) {
    }

    public record BidView(long bidId, String memberId, String accountId, BigDecimal amount, String currency,
                          String placedBy, Instant placedAt) {

        static BidView of(AuctionBid b) {
            return new BidView(b.bidId, b.memberId, b.accountId, b.amount, b.currency, b.placedBy, b.placedAt);
        }
    }

    private final Auctions auctions;
    private final DefaultTransfers transfers;
    private final Caller caller;

    public AuctionResource(Auctions auctions, DefaultTransfers transfers, Caller caller) {
        this.auctions = auctions;
        this.transfers = transfers;
        this.caller = caller;
    }

    @Operation(summary = "Lot the close-out portfolio and open the auctions",
            description = "Splits what is left of a declared defaulter's close-out portfolio (house accounts and "
                    + "client accounts not being ported, less positions already in a lot) into lots, as given or "
                    + "one per product family, and opens a sealed-bid auction of each until the deadline, inviting "
                    + "every active member but the defaulter (obliged to bid when ccp.default-management."
                    + "bidding-obliged). Given lots must partition the portfolio: whole positions, each exactly once, "
                    + "one currency per lot. Refused requests write nothing.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"defaultId": 3, "deadline": "2026-03-11T15:00:00Z",
             "lots": [{"name": "front", "positions": [{"accountId": "BRAVO-H", "instrumentId": "GH100-2026-03"}]},
                      {"name": "back", "positions": [{"accountId": "BRAVO-H", "instrumentId": "GH100-2026-04"}]}]}"""))
    @APIResponse(responseCode = "201", description = "The auctions opened, one per lot", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = View.class)))
    @APIResponse(responseCode = "400", description = "/problems/validation: deadline: must not be null")
    @APIResponse(responseCode = "404", description = "No default case with this id")
    @APIResponse(responseCode = "409", description = "/problems/default-not-declared, /problems/nothing-to-auction, "
            + "/problems/deadline-past, /problems/no-settlement-prices or /problems/settlement-price-missing")
    @APIResponse(responseCode = "422", description = "/problems/lots-not-a-partition: the lots leave out "
            + "[BRAVO-H / GH100-2026-05]: every position of the close-out portfolio goes into exactly one lot")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RISK, Roles.ADMIN})
    public Response open(@Valid @NotNull NewAuctions request) {
        List<Auctions.LotRequest> lots = request.lots() == null ? null : request.lots().stream()
                .map(lot -> new Auctions.LotRequest(lot.name(), lot.positions().stream()
                        .map(p -> new Auctions.PositionRef(p.accountId(), p.instrumentId())).toList()))
                .toList();
        List<View> opened = auctions.open(request.defaultId(), lots, request.deadline(), caller.name()).stream()
                .map(this::view).toList();
        return Response.created(URI.create("/auctions?defaultId=" + request.defaultId())).entity(opened).build();
    }

    @Operation(summary = "Bid in an auction",
            description = "An invited member's sealed bid for the whole lot: the amount the CCP pays it (negative: "
                    + "what it pays the CCP) to take the lot into its own active house account. One bid per member; "
                    + "nobody else sees it until the auction closes, and other members never. A member sees only "
                    + "the auctions its member is invited to: any other answers 404. Refused requests write nothing.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"accountId": "ALPHA-H", "amount": "12500.00"}"""))
    @APIResponse(responseCode = "201", description = "The bid",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BidView.class)))
    @APIResponse(responseCode = "404", description = "No auction with this id that the caller's member is invited to")
    @APIResponse(responseCode = "409", description = "/problems/auction-closed or /problems/bid-already-placed")
    @APIResponse(responseCode = "422", description = "/problems/bidder-not-active or /problems/bid-account-refused")
    @POST
    @Path("/{auctionId}/bids")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MEMBER)
    public Response bid(@PathParam("auctionId") @Min(1) long auctionId, @Valid @NotNull NewBid bid) {
        AuctionBid placed = auctions.bid(caller, auctionId, bid.accountId(), bid.amount());
        return Response.created(URI.create("/auctions/" + auctionId)).entity(BidView.of(placed)).build();
    }

    @Operation(summary = "Close an auction",
            description = "After the deadline: the lowest amount wins (the earlier bid on a tie) and the lot's "
                    + "positions are instructed to move to the winner's account at prices that realise its bid "
                    + "against the last settlement prices (AWARDED); without bids the lot is UNSOLD and can be "
                    + "lotted again (NO_BIDS). Refused requests write nothing.")
    @APIResponse(responseCode = "200", description = "The auction, AWARDED or NO_BIDS",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "404", description = "No auction with this id")
    @APIResponse(responseCode = "409", description = "/problems/auction-still-open, /problems/auction-closed or "
            + "/problems/lot-changed")
    @POST
    @Path("/{auctionId}/close")
    @RolesAllowed({Roles.RISK, Roles.ADMIN})
    public View close(@PathParam("auctionId") @Min(1) long auctionId) {
        return view(auctions.close(auctionId, caller.name()));
    }

    @Operation(summary = "Auctions",
            description = "Auctions newest first: every one for risk, admin and back office, those the caller's "
                    + "member is invited to for a member user; optionally of one default case or status (OPEN, "
                    + "AWARDED, NO_BIDS). A member sees only the auctions its member is invited to, with its own bid "
                    + "and never another member's.")
    @APIResponse(responseCode = "200", description = "A page of auctions", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = View.class)))
    @APIResponse(responseCode = "400", description = "/problems/validation: status: must be one of [OPEN, AWARDED, "
            + "NO_BIDS], was CLOSED")
    @GET
    @RolesAllowed({Roles.RISK, Roles.ADMIN, Roles.BACK_OFFICE, Roles.MEMBER})
    public List<View> list(@QueryParam("defaultId") @Min(1) Long defaultId, @QueryParam("status") String status,
                           @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                           @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return auctions.list(caller, defaultId, EnumFilter.of("status", status, Auction.Status.class), page, size)
                .stream().map(this::view).toList();
    }

    @Operation(summary = "An auction",
            description = "The lot and the auction. A member sees only an auction it is invited to (any other answers "
                    + "404), its own bid and whether it won, never another member's bid; the default "
                    + "manager and back office every bid, the winner, the obliged members that did not bid and the "
                    + "transfers once it is closed.")
    @APIResponseSchema(value = View.class, responseCode = "200", responseDescription = "The auction")
    @APIResponse(responseCode = "404", description = "No auction with this id that the caller may see")
    @GET
    @Path("/{auctionId}")
    @RolesAllowed({Roles.RISK, Roles.ADMIN, Roles.BACK_OFFICE, Roles.MEMBER})
    public View get(@PathParam("auctionId") @Min(1) long auctionId) {
        return view(auctions.find(caller, auctionId));
    }

    private View view(Auction a) {
        boolean staff = caller.seesAllMembers();
        boolean closed = a.status != Auction.Status.OPEN;
        List<AuctionBid> bids = auctions.bids(a.auctionId);
        AuctionBid winner = bids.stream().filter(b -> b.bidId.equals(a.winningBidId)).findFirst().orElse(null);
        List<LotPosition> positions = a.lot.positions.stream().map(p -> new LotPosition(staff ? p.accountId : null,
                p.instrumentId, p.longQuantity, p.shortQuantity, p.settlementPrice.stripTrailingZeros())).toList();
        if (staff) {
            List<Invited> invited = a.invitations.stream().map(i -> new Invited(i.memberId, i.obliged,
                    bids.stream().anyMatch(b -> b.memberId.equals(i.memberId)))).toList();
            return new View(a.auctionId, a.defaultId, a.lot.lotId, a.lot.name, a.lot.currency, a.lot.status,
                    positions, a.deadline, a.status, a.openedBy, a.openedAt, a.closedBy, a.closedAt, null, null,
                    null, invited, closed ? bids.stream().map(BidView::of).toList() : null,
                    winner == null ? null : BidView.of(winner),
                    closed ? invited.stream().filter(i -> i.obliged() && !i.bid()).map(Invited::memberId).toList()
                            : null,
                    transfers.ofAuction(a.auctionId).stream().map(TransferView::of).toList());
        }
        String member = caller.memberId().orElse("");
        AuctionBid own = bids.stream().filter(b -> b.memberId.equals(member)).findFirst().orElse(null);
        Boolean obliged = a.invitations.stream().filter(i -> i.memberId.equals(member)).map(i -> i.obliged)
                .findFirst().orElse(false);
        return new View(a.auctionId, a.defaultId, a.lot.lotId, a.lot.name, a.lot.currency, a.lot.status, positions,
                a.deadline, a.status, a.openedBy, a.openedAt, a.closedBy, a.closedAt, obliged,
                own == null ? null : BidView.of(own),
                closed ? Boolean.valueOf(winner != null && Objects.equals(winner.memberId, member)) : null,
                null, null, null, null, null);
    }
}
