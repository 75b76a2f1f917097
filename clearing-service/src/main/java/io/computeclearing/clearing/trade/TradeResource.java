package io.computeclearing.clearing.trade;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.computeclearing.clearing.account.VisibleAccounts;
import io.computeclearing.clearing.config.ClearingConfig;
import io.computeclearing.clearing.giveup.GiveUp;
import io.computeclearing.clearing.giveup.GiveUpView;
import io.computeclearing.clearing.giveup.GiveUps;
import io.computeclearing.platform.problem.ProblemException;
import io.computeclearing.platform.rest.Paging;
import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/**
 * Trade capture (JSON), busts, corrections, give-up requests and trade queries. The back office reports matched trades
 * one at a time or in batches; each is validated, novated and applied to positions. Members read their own accounts'
 * legs and give up their own legs.
 */
@Path("/trades")
public class TradeResource {

    /** Why the back office busts a trade. */
    public record BustRequest(String reason) {
    }

    /**
     * What a correction changes; fields left out keep the original's value. At least one must change.
     */
    public record CorrectionRequest(@JsonDeserialize(using = WholeContracts.class) Long quantity, BigDecimal price,
                                    String buyerAccountId, String sellerAccountId, String reason) {
    }

    /** Which leg ({@code BUY} or {@code SELL}) to give up, and to which account. */
    public record GiveUpRequest(TradeLeg.Side side, String toAccountId) {
    }

    /** The original trade, now BUSTED, and the one that replaces it. */
    public record CorrectionView(TradeView busted, TradeView corrected) {
    }

    private final TradeCapture capture;
    private final TradeBusts busts;
    private final GiveUps giveUps;
    private final TradeQueries queries;
    private final VisibleAccounts visible;
    private final Caller caller;
    private final ClearingConfig config;

    public TradeResource(TradeCapture capture, TradeBusts busts, GiveUps giveUps, TradeQueries queries,
                         VisibleAccounts visible, Caller caller, ClearingConfig config) {
        this.giveUps = giveUps;
        this.caller = caller;
        this.capture = capture;
        this.busts = busts;
        this.queries = queries;
        this.visible = visible;
        this.config = config;
    }

    /**
     * 201 with the cleared trade; 200 with it when the same trade was cleared before; 409 when its exchange trade id
     * was cleared with different content; 422 naming every rule it breaks.
     */
    @Operation(summary = "Report a trade",
            description = "A matched trade from the exchange: validated, novated into two legs against the CCP and "
                    + "applied to positions. Reporting the same trade again answers 200 with it and records nothing.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"exchangeTradeId": "XC-20261201-000187", "instrumentId": "GH100-202612", "quantity": 10, "price": 2.605,
             "buyerAccountId": "ALPHA-H", "sellerAccountId": "BRAVO-H", "tradeTime": "2026-12-01T14:30:00.123Z",
             "businessDate": "2026-12-01"}"""))
    @APIResponse(responseCode = "201", description = "The trade, cleared",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TradeView.class)))
    @APIResponse(responseCode = "200", description = "The same trade was cleared before; nothing recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TradeView.class)))
    @APIResponse(responseCode = "409", description = "/problems/trade-id-conflict: the exchange trade id was cleared "
            + "with different content")
    @APIResponse(responseCode = "422", description = "/problems/trade-rejected: the trade breaks one or more rules "
            + "(unknown or expired instrument, an account that does not accept business: suspended, or of a "
            + "suspended or DEFAULTED member; a closed business day, a price off the tick); each is named in "
            + "violations")
    @POST
    @RolesAllowed(Roles.BACK_OFFICE)
    public Response submit(@NotNull TradeSubmission submission) {
        CaptureOutcome outcome = capture.capture(List.of(submission)).getFirst();
        return switch (outcome.status()) {
            case ACCEPTED -> Response.created(URI.create("/trades/" + outcome.trade().id))
                    .entity(TradeView.of(outcome.trade())).build();
            case DUPLICATE -> Response.ok(TradeView.of(outcome.trade())).build();
            case REJECTED -> throw outcome.problem();
        };
    }

    /** 200 with one result per trade; accepted trades are cleared together, rejected ones leave no trace. */
    @Operation(summary = "Report a batch of trades",
            description = "One result per trade: accepted trades are cleared together, rejected ones leave no trace "
                    + "and "
                    + "carry their violations in the result.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            [{"exchangeTradeId": "XC-20261201-000188", "instrumentId": "GH100-202612", "quantity": 5, "price": 2.610,
              "buyerAccountId": "ALPHA-H", "sellerAccountId": "BRAVO-H", "tradeTime": "2026-12-01T14:31:00Z",
              "businessDate": "2026-12-01"}]"""))
    @POST
    @Path("/batch")
    @RolesAllowed(Roles.BACK_OFFICE)
    public BatchResult submitBatch(@NotNull List<TradeSubmission> submissions) {
        if (submissions.isEmpty() || submissions.size() > config.batchMaxTrades()) {
            throw ProblemException.invalid("trades", "a batch holds 1 to " + config.batchMaxTrades()
                    + " trades; this one has " + submissions.size());
        }
        return BatchResult.of(capture.capture(submissions));
    }

    /**
     * Busts the trade: its legs are reversed, positions restored. 409 {@code /problems/trade-busted} the second time
     * or {@code /problems/default-management-trade} for a transfer trade, 422 {@code /problems/bust-window-closed}
     * outside the window.
     */
    @Operation(summary = "Bust a trade",
            description = "Busts the trade: its legs are reversed and positions restored.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"reason": "price reported in error by the exchange"}"""))
    @APIResponseSchema(value = TradeView.class, responseCode = "200", responseDescription = "The trade, BUSTED")
    @APIResponse(responseCode = "404", description = "No trade with this id")
    @APIResponse(responseCode = "409", description = "/problems/trade-busted: the trade is already busted (or, "
            + "/problems/instrument-settled, its instrument is finally settled; /problems/default-management-trade, "
            + "it is a default-management transfer trade)")
    @APIResponse(responseCode = "422", description = "/problems/bust-window-closed: the trade is outside the window "
            + "in which it may be busted")
    @POST
    @Path("/{id}/bust")
    @RolesAllowed(Roles.BACK_OFFICE)
    public TradeView bust(@PathParam("id") long id, BustRequest request) {
        return TradeView.of(busts.bust(id, reason(request == null ? null : request.reason())));
    }

    /**
     * Busts the trade and clears a corrected copy linked to it ({@code correctsTradeId}), atomically: if the
     * corrected trade breaks a rule (422 {@code /problems/trade-rejected}), the original stays cleared. Accounts not
     * named stay with whoever holds each side now (after a give-up, the receiving account).
     */
    @Operation(summary = "Correct a trade",
            description = "Busts the trade and clears a corrected copy linked to it, atomically: if the corrected "
                    + "trade "
                    + "breaks a rule the original stays cleared. Accounts not named stay with whoever holds each side "
                    + "now.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"price": 2.615, "reason": "price corrected by the exchange"}"""))
    @APIResponseSchema(value = TradeResource.CorrectionView.class, responseCode = "200",
            responseDescription = "The original, now BUSTED, and the trade that replaces it")
    @APIResponse(responseCode = "404", description = "No trade with this id")
    @APIResponse(responseCode = "409", description = "/problems/trade-busted: the trade is already busted (or, "
            + "/problems/trade-id-conflict, a different correction was recorded; /problems/default-management-trade, "
            + "it is a default-management transfer trade)")
    @APIResponse(responseCode = "422", description = "/problems/trade-rejected: the corrected trade breaks a rule (or, "
            + "/problems/bust-window-closed, the trade is outside the bust window); the original stays cleared")
    @POST
    @Path("/{id}/correct")
    @RolesAllowed(Roles.BACK_OFFICE)
    public CorrectionView correct(@PathParam("id") long id, @NotNull CorrectionRequest request) {
        if (request.quantity() == null && request.price() == null && request.buyerAccountId() == null
                && request.sellerAccountId() == null) {
            throw ProblemException.invalid("correction",
                    "name at least one of quantity, price, buyerAccountId, sellerAccountId to change");
        }
        TradeView original = queries.trade(id);
        TradeSubmission replacement = new TradeSubmission(original.exchangeTradeId(), original.instrumentId(),
                request.quantity() == null ? original.quantity() : request.quantity(),
                request.price() == null ? original.price() : request.price(),
                request.buyerAccountId() == null ? holder(original, TradeLeg.Side.BUY) : request.buyerAccountId(),
                request.sellerAccountId() == null ? holder(original, TradeLeg.Side.SELL) : request.sellerAccountId(),
                original.tradeTime(), original.businessDate());
        TradeBusts.Correction correction = busts.correct(id, replacement, reason(request.reason()));
        return new CorrectionView(TradeView.of(correction.busted()), TradeView.of(correction.corrected()));
    }

    /**
     * 201 with a PENDING give-up of one leg to another member's account (back office, or a user of the member holding
     * the leg); see {@link GiveUps#request}.
     */
    @Operation(summary = "Ask to give up a leg",
            description = "A PENDING give-up of one leg of the trade to another member's account, for that member to "
                    + "accept or reject. A member sees only its own legs: a trade whose leg it does not hold answers "
                    + "404.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"side": "BUY", "toAccountId": "BRAVO-C"}"""))
    @APIResponse(responseCode = "201", description = "The give-up, PENDING",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GiveUpView.class)))
    @APIResponse(responseCode = "404", description = "No trade with this id, or the caller's member does not hold the "
            + "leg")
    @APIResponse(responseCode = "409", description = "/problems/give-up-pending: a give-up of this leg is already "
            + "pending (or, /problems/trade-busted, the trade was busted; /problems/default-management-trade, it is a "
            + "default-management transfer trade)")
    @APIResponse(responseCode = "422", description = "/problems/give-up-refused: the receiving account is unknown or "
            + "does not accept business (its member suspended or DEFAULTED), or the leg's member is DEFAULTED (its "
            + "positions are frozen for default management) (or, /problems/give-up-same-member, it belongs to the "
            + "same member)")
    @POST
    @Path("/{id}/give-ups")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.MEMBER})
    public Response giveUp(@PathParam("id") long id, @NotNull GiveUpRequest request) {
        if (request.side() == null || request.toAccountId() == null || request.toAccountId().isBlank()) {
            throw ProblemException.invalid("give-up", "side (BUY or SELL) and toAccountId are required");
        }
        GiveUp giveUp = giveUps.request(caller, id, request.side(), request.toAccountId());
        return Response.created(URI.create("/give-ups/" + giveUp.id)).entity(GiveUpView.of(giveUp)).build();
    }

    /** The account that holds the side now: after an accepted give-up, the receiving account. */
    private static String holder(TradeView trade, TradeLeg.Side side) {
        return trade.legs().stream().filter(l -> l.side() == side && l.kind() != TradeLeg.Kind.REVERSAL
                        && !l.reversed()).map(TradeView.Leg::accountId).findFirst()
                .orElse(side == TradeLeg.Side.BUY ? trade.buyerAccountId() : trade.sellerAccountId());
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason", "say why the trade is busted or corrected");
        }
        if (reason.length() > 500) {
            throw ProblemException.invalid("reason", "at most 500 characters");
        }
        return reason;
    }

    /** Legs of cleared trades, oldest first; a member user sees only its own member's accounts. */
    @Operation(summary = "Trade legs",
            description = "Legs of cleared trades, oldest first, a page at a time. A member sees only its own member's "
                    + "accounts; another member's account reads as empty.")
    @APIResponseSchema(value = TradeQueries.LegPage.class, responseCode = "200", responseDescription = "A page of legs")
    @APIResponse(responseCode = "400", description = "/problems/validation: page must be from 0 to 100000, size from 1 to "
            + "the maximum page size")
    @GET
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public TradeQueries.LegPage legs(@QueryParam("accountId") String accountId,
                                     @QueryParam("instrumentId") String instrumentId,
                                     @QueryParam("businessDate") LocalDate businessDate,
                                     @QueryParam("page") @DefaultValue("0") int page,
                                     @QueryParam("size") @DefaultValue("100") int size) {
        if (page < 0 || page > Paging.MAX_PAGE) {
            throw ProblemException.invalid("page", "must be from 0 to " + Paging.MAX_PAGE);
        }
        if (size < 1 || size > config.maxPageSize()) {
            throw ProblemException.invalid("size", "must be from 1 to " + config.maxPageSize());
        }
        return queries.legs(visible.scope(accountId), accountId, instrumentId, businessDate, page, size);
    }

    @Operation(summary = "A trade",
            description = "One cleared trade with its legs.")
    @APIResponseSchema(value = TradeView.class, responseCode = "200", responseDescription = "The trade")
    @APIResponse(responseCode = "404", description = "No trade with this id")
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN})
    public TradeView trade(@PathParam("id") long id) {
        return queries.trade(id);
    }
}
