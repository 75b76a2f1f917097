package io.computeclearing.risk.defaults;

import io.computeclearing.platform.bounds.Decimal;
import io.computeclearing.platform.problem.ProblemException;
import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.math.BigDecimal;
import java.net.URI;

/** Hedging trades the default manager (risk, admin) enters against a willing member before the auction. */
@Path("/hedges")
public class HedgeResource {

    /**
     * A hedge: the counterparty's account buys {@code quantity} contracts (negative: sells) from the defaulter's
     * account at {@code price}.
     */
    public record NewHedge(@NotNull @Min(1) Long defaultId,
                           @NotNull @Pattern(regexp = PortingOfferResource.ID, message = PortingOfferResource.ID_RULE)
                           String accountId,
                           @NotNull @Pattern(regexp = PortingOfferResource.ID, message = PortingOfferResource.ID_RULE)
                           String counterpartyAccountId,
                           @NotNull @Pattern(regexp = PortingOfferResource.INSTRUMENT_ID,
                                   message = PortingOfferResource.INSTRUMENT_ID_RULE) String instrumentId,
                           @NotNull @Min(-1_000_000_000) @Max(1_000_000_000) Long quantity,
                           @NotNull @Decimal(integer = 12, fraction = 8)
                           @DecimalMin("-999999999999.99999999") @DecimalMax("999999999999.99999999") BigDecimal price) {
    }

    private final Hedges hedges;
    private final Caller caller;

    public HedgeResource(Hedges hedges, Caller caller) {
        this.hedges = hedges;
        this.caller = caller;
    }

    @Operation(summary = "Enter a hedging trade",
            description = "A new trade between an account of a declared defaulter and a willing member's active "
                    + "account at an agreed price, booked by clearing-service as a default-management transfer "
                    + "(purpose HEDGE). Its cost against the last settlement price is part of the close-out loss. "
                    + "Refused requests write nothing.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"defaultId": 3, "accountId": "BRAVO-H", "counterpartyAccountId": "ALPHA-H",
             "instrumentId": "GH100-2026-04", "quantity": 2, "price": "2.150"}"""))
    @APIResponse(responseCode = "201", description = "The hedge's transfer, INSTRUCTED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TransferView.class)))
    @APIResponse(responseCode = "400", description = "/problems/validation: quantity: must not be null")
    @APIResponse(responseCode = "404", description = "No default case, or no instrument, with this id")
    @APIResponse(responseCode = "409", description = "/problems/default-not-declared or "
            + "/problems/settlement-price-missing")
    @APIResponse(responseCode = "422", description = "/problems/hedge-refused: account 'CHARLIE-H' cannot take a "
            + "hedge: it must be an active account of an active member other than the defaulter")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RISK, Roles.ADMIN})
    public Response enter(@Valid @NotNull NewHedge hedge) {
        if (hedge.quantity() == 0) {
            throw ProblemException.invalid("quantity", "must not be zero");
        }
        DefaultTransfer transfer = hedges.enter(hedge.defaultId(), hedge.accountId(), hedge.counterpartyAccountId(),
                hedge.instrumentId(), hedge.quantity(), hedge.price(), caller.name());
        return Response.created(URI.create("/defaults/" + hedge.defaultId() + "/transfers"))
                .entity(TransferView.of(transfer)).build();
    }
}
