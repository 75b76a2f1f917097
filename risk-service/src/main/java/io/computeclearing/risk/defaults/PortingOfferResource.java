package io.computeclearing.risk.defaults;

import io.computeclearing.platform.accounts.KnownAccount;
import io.computeclearing.platform.problem.EnumFilter;
import io.computeclearing.platform.rest.Paging;
import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Porting offers: the default manager (risk, admin) offers a defaulter's client account to a receiving member; the
 * member's users see the offers made to their member and accept or reject them; the back office reads them all.
 */
@Path("/porting-offers")
public class PortingOfferResource {

    /** A member or account id as account-service registers it; an instrument id as clearing-service lists it. */
    static final String ID = "[A-Z0-9][A-Z0-9-]{1,19}";
    static final String ID_RULE = "must be 2-20 upper-case letters, digits or '-'";
    static final String INSTRUMENT_ID = "[A-Z0-9][A-Z0-9-]{1,31}";
    static final String INSTRUMENT_ID_RULE = "must be 2-32 upper-case letters, digits or '-'";

    /** An offer: which client account of which default goes to which member, and for how long. */
    public record NewOffer(@NotNull @Min(1) Long defaultId,
                           @NotNull @Pattern(regexp = ID, message = ID_RULE) String accountId,
                           @NotNull @Pattern(regexp = ID, message = ID_RULE) String receivingMemberId,
                           @Min(1) @Max(10_080) Integer windowMinutes) {
    }

    /** The receiving member's own client account the ported account goes into. */
    public record Acceptance(@NotNull @Pattern(regexp = ID, message = ID_RULE) String receivingAccountId) {
    }

    /** An offer as the API answers it: with the account's open positions and, once accepted, the transfer. */
    public record View(long offerId, long defaultId, String accountId, KnownAccount.AccountType accountType,
                       String receivingMemberId, PortingOffer.Status status, Instant deadline, String offeredBy,
                       Instant offeredAt, String receivingAccountId, String decidedBy, Instant decidedAt,
                       List<DefaultPortfolio.Open> positions, TransferView transfer) {

        static View of(PortingOffer o, DefaultPortfolio portfolio) {
            DefaultTransfer transfer = o.transferId == null ? null : DefaultTransfer.findById(o.transferId);
            return new View(o.offerId, o.defaultId, o.accountId, o.accountType, o.receivingMemberId, o.status,
                    o.deadline, o.offeredBy, o.offeredAt, o.receivingAccountId, o.decidedBy, o.decidedAt,
                    portfolio.open(o.accountId), transfer == null ? null : TransferView.of(transfer));
        }
    }

    private final PortingOffers offers;
    private final DefaultPortfolio portfolio;
    private final Caller caller;

    public PortingOfferResource(PortingOffers offers, DefaultPortfolio portfolio, Caller caller) {
        this.offers = offers;
        this.portfolio = portfolio;
        this.caller = caller;
    }

    @Operation(summary = "Offer a defaulter's client account for porting",
            description = "Offers a client account (segregated or omnibus) of a declared defaulter to an active "
                    + "receiving member until now plus windowMinutes (the configured porting window, 24 hours, "
                    + "when absent). The member's users accept it into their own client account of the same kind. "
                    + "House accounts are closed out, not ported. Refused requests write nothing.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"defaultId": 3, "accountId": "BRAVO-S", "receivingMemberId": "ALPHA", "windowMinutes": 1440}"""))
    @APIResponse(responseCode = "201", description = "The offer, OPEN",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "400", description = "/problems/validation: windowMinutes: must be less than or "
            + "equal to 10080")
    @APIResponse(responseCode = "404", description = "No default case with this id")
    @APIResponse(responseCode = "409", description = "/problems/default-not-declared, /problems/porting-offer-exists "
            + "or /problems/account-in-close-out")
    @APIResponse(responseCode = "422", description = "/problems/porting-refused: member 'CHARLIE' cannot receive a "
            + "ported account: it is SUSPENDED")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RISK, Roles.ADMIN})
    public Response offer(@Valid @NotNull NewOffer offer) {
        PortingOffer made = offers.offer(offer.defaultId(), offer.accountId(), offer.receivingMemberId(),
                offer.windowMinutes() == null ? null : Duration.ofMinutes(offer.windowMinutes()), caller.name());
        return Response.created(URI.create("/porting-offers/" + made.offerId)).entity(view(made)).build();
    }

    @Operation(summary = "Accept a porting offer",
            description = "The receiving member's user accepts, naming its own active client account of the same "
                    + "kind: the ported account's positions are instructed to move into it at the last settlement "
                    + "prices (clearing-service books them, then account-service moves the client's collateral); "
                    + "the offer is ACCEPTED, then PORTED. A member sees only the offers made to its own member: "
                    + "any other answers 404. Refused requests write nothing.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"receivingAccountId": "ALPHA-S2"}"""))
    @APIResponse(responseCode = "200", description = "The offer, ACCEPTED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "404", description = "No offer with this id made to the caller's member")
    @APIResponse(responseCode = "409", description = "/problems/porting-offer-decided, /problems/porting-window-closed "
            + "or /problems/settlement-price-missing")
    @APIResponse(responseCode = "422", description = "/problems/porting-refused: account 'ALPHA-H' cannot take "
            + "ported account BRAVO-S: it must be an active CLIENT_SEGREGATED account of ALPHA")
    @POST
    @Path("/{offerId}/acceptance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MEMBER)
    public View accept(@PathParam("offerId") @Min(1) long offerId, @Valid @NotNull Acceptance acceptance) {
        return view(offers.accept(caller, offerId, acceptance.receivingAccountId()));
    }

    @Operation(summary = "Reject a porting offer",
            description = "The receiving member's user declines: the account is free for another offer, or joins "
                    + "the close-out. A member sees only the offers made to its own member: any other answers 404. "
                    + "Refused requests write nothing.")
    @APIResponse(responseCode = "200", description = "The offer, REJECTED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "404", description = "No offer with this id made to the caller's member")
    @APIResponse(responseCode = "409", description = "/problems/porting-offer-decided or /problems/porting-window-closed")
    @POST
    @Path("/{offerId}/rejection")
    @RolesAllowed(Roles.MEMBER)
    public View reject(@PathParam("offerId") @Min(1) long offerId) {
        return view(offers.reject(caller, offerId));
    }

    @Operation(summary = "Porting offers",
            description = "Offers newest first: all of them for risk, admin and back office, those made to the "
                    + "caller's member for a member user; optionally of one default case or status (OPEN, ACCEPTED, "
                    + "PORTED, FAILED, REJECTED, EXPIRED). A member sees only the offers made to its own member.")
    @APIResponse(responseCode = "200", description = "A page of offers", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = View.class)))
    @APIResponse(responseCode = "400", description = "/problems/validation: status: must be one of [OPEN, ...]")
    @GET
    @RolesAllowed({Roles.RISK, Roles.ADMIN, Roles.BACK_OFFICE, Roles.MEMBER})
    public List<View> list(@QueryParam("defaultId") @Min(1) Long defaultId, @QueryParam("status") String status,
                           @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                           @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return offers.list(caller, defaultId, EnumFilter.of("status", status, PortingOffer.Status.class), page, size)
                .stream().map(this::view).toList();
    }

    @Operation(summary = "A porting offer",
            description = "The offer, the account's open positions, and once accepted the transfer and its answer. A "
                    + "member sees only the offers made to its own member: any other answers 404.")
    @APIResponseSchema(value = View.class, responseCode = "200", responseDescription = "The offer")
    @APIResponse(responseCode = "404", description = "No offer with this id that the caller may see")
    @GET
    @Path("/{offerId}")
    @RolesAllowed({Roles.RISK, Roles.ADMIN, Roles.BACK_OFFICE, Roles.MEMBER})
    public View get(@PathParam("offerId") @Min(1) long offerId) {
        return view(offers.find(caller, offerId));
    }

    private View view(PortingOffer o) {
        return View.of(o, portfolio);
    }
}
