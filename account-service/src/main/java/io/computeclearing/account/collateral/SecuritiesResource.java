package io.computeclearing.account.collateral;

import io.computeclearing.account.valuation.SecurityType;
import io.computeclearing.platform.bounds.Decimal;
import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The securities master: securities accepted as collateral and their prices (per 100 nominal). The back office
 * defines and prices them; anyone signed in may read them, haircut included.
 */
@Path("/collateral/securities")
public class SecuritiesResource {

    /** {@code asOf} is optional (now); a price with an earlier as-of time is kept as history but does not count. */
    public record DefineSecurity(
            @NotBlank @Size(max = 200) String description,
            @NotNull SecurityType assetType,
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code") String currency,
            @NotNull @PositiveOrZero @Decimal(integer = 12, fraction = 8) BigDecimal price,
            Instant asOf) {
    }

    private final SecuritiesMaster securities;
    private final Caller caller;

    public SecuritiesResource(SecuritiesMaster securities, Caller caller) {
        this.securities = securities;
        this.caller = caller;
    }

    /** 201 when the security is new, 200 when it existed (a new price version). */
    @Operation(summary = "Define or price a security",
            description = "A security accepted as collateral, with its price per 100 nominal as of asOf (default now): "
                    + "201 when the security is new, 200 when it existed (a new price version).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"description": "US Treasury bill 2027-03-04", "assetType": "TREASURY_BILL", "currency": "USD",
             "price": 98.76, "asOf": "2026-12-01T16:00:00Z"}"""))
    @APIResponse(responseCode = "201", description = "The security, new",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SecuritiesMaster.PricedSecurity.class)))
    @APIResponse(responseCode = "200", description = "The security existed: a new price version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SecuritiesMaster.PricedSecurity.class)))
    @APIResponse(responseCode = "409", description = "/problems/security-terms-fixed: the security exists with another "
            + "type or currency")
    @PUT
    @Path("/{securityId}")
    @RolesAllowed(Roles.BACK_OFFICE)
    public Response define(@PathParam("securityId")
                           @Pattern(regexp = "[A-Z0-9][A-Z0-9.-]{3,29}", message = "must be 4-30 upper-case letters, digits, '.' or '-'")
                           String securityId,
                           @Valid @NotNull DefineSecurity request) {
        SecuritiesMaster.Definition definition = securities.define(securityId, request.description(),
                request.assetType(), request.currency(), request.price(), request.asOf(), caller.name());
        return Response.status(definition.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(definition.security())
                .build();
    }

    @Operation(summary = "Securities accepted as collateral",
            description = "Every security with its price in force and haircut. The securities master holds no "
                    + "member's data: a member sees the same as everyone.")
    @GET
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public List<SecuritiesMaster.PricedSecurity> list() {
        return securities.list();
    }

    @Operation(summary = "A security",
            description = "One security with its price in force and haircut. The securities master holds no member's "
                    + "data: a member sees the same as everyone.")
    @APIResponseSchema(value = SecuritiesMaster.PricedSecurity.class, responseCode = "200",
            responseDescription = "The security")
    @APIResponse(responseCode = "404", description = "No security with this id")
    @GET
    @Path("/{securityId}")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public SecuritiesMaster.PricedSecurity get(@PathParam("securityId") String securityId) {
        return securities.get(securityId);
    }

    /** Every price version, newest as-of first. */
    @Operation(summary = "A security's prices",
            description = "Every price version, newest as-of first. The securities master holds no member's data: a "
                    + "member sees the same as everyone.")
    @GET
    @Path("/{securityId}/prices")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public List<SecurityPrice> prices(@PathParam("securityId") String securityId) {
        return securities.prices(securityId);
    }
}
