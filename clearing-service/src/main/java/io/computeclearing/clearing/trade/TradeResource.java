package io.computeclearing.clearing.trade;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.computeclearing.clearing.account.VisibleAccounts;
import io.computeclearing.clearing.config.ClearingConfig;
import io.computeclearing.clearing.giveup.GiveUp;
import io.computeclearing.clearing.giveup.GiveUpView;
import io.computeclearing.clearing.giveup.GiveUps;
import io.computeclearing.platform.problem.ProblemException;
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
import jakarta.ws.rs.core.Response;

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
     * Busts the trade: its legs are reversed, positions restored. 409 {@code /problems/trade-busted} the second time,
     * 422 {@code /problems/bust-window-closed} outside the window.
     */
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
    @GET
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public TradeQueries.LegPage legs(@QueryParam("accountId") String accountId,
                                     @QueryParam("instrumentId") String instrumentId,
                                     @QueryParam("businessDate") LocalDate businessDate,
                                     @QueryParam("page") @DefaultValue("0") int page,
                                     @QueryParam("size") @DefaultValue("100") int size) {
        if (page < 0 || size < 1 || size > config.maxPageSize()) {
            throw ProblemException.invalid("size", "page must be 0 or more and size 1 to " + config.maxPageSize());
        }
        return queries.legs(visible.scope(accountId), accountId, instrumentId, businessDate, page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN})
    public TradeView trade(@PathParam("id") long id) {
        return queries.trade(id);
    }
}
