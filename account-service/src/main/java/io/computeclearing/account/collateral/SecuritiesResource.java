package io.computeclearing.account.collateral;

import io.computeclearing.account.valuation.SecurityType;
import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

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
            @NotNull @PositiveOrZero @Digits(integer = 12, fraction = 8) BigDecimal price,
            Instant asOf) {
    }

    private final SecuritiesMaster securities;
    private final Caller caller;

    public SecuritiesResource(SecuritiesMaster securities, Caller caller) {
        this.securities = securities;
        this.caller = caller;
    }

    /** 201 when the security is new, 200 when it existed (a new price version). */
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

    @GET
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public List<SecuritiesMaster.PricedSecurity> list() {
        return securities.list();
    }

    @GET
    @Path("/{securityId}")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public SecuritiesMaster.PricedSecurity get(@PathParam("securityId") String securityId) {
        return securities.get(securityId);
    }

    /** Every price version, newest as-of first. */
    @GET
    @Path("/{securityId}/prices")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public List<SecurityPrice> prices(@PathParam("securityId") String securityId) {
        return securities.prices(securityId);
    }
}
