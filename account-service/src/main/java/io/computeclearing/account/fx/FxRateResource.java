package io.computeclearing.account.fx;

import io.computeclearing.platform.bounds.Decimal;
import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** FX rates used to value collateral and requirements in an account's base currency. */
@Path("/collateral/fx-rates")
public class FxRateResource {

    /** One {base} costs {@code rate} {quote}; {@code asOf} optional (now). */
    public record SetRate(@NotNull @Positive @Decimal(integer = 12, fraction = 10) BigDecimal rate, Instant asOf) {
    }

    private final FxRates rates;
    private final Caller caller;

    public FxRateResource(FxRates rates, Caller caller) {
        this.rates = rates;
        this.caller = caller;
    }

    @Operation(summary = "Set an FX rate",
            description = "One base costs rate quote, as of asOf (default now); earlier rates are kept as history.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"rate": 7.10, "asOf": "2026-12-01T16:00:00Z"}"""))
    @APIResponseSchema(value = FxRate.class, responseCode = "200", responseDescription = "The rate, recorded")
    @APIResponse(responseCode = "400", description = "/problems/validation: quote: must differ from the base currency")
    @PUT
    @Path("/{base}/{quote}")
    @RolesAllowed(Roles.BACK_OFFICE)
    public FxRate set(@PathParam("base") String base, @PathParam("quote") String quote,
                      @Valid @NotNull SetRate request) {
        return rates.set(base, quote, request.rate(), request.asOf(), caller.name());
    }

    /** The latest rate of every quoted pair. */
    @Operation(summary = "FX rates in force",
            description = "The latest rate of every quoted pair. Rates hold no member's data: a member sees the same "
                    + "as "
                    + "everyone.")
    @GET
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public List<FxRate> latest() {
        return rates.latest();
    }

    /** Every rate recorded for the pair as quoted, newest as-of first. */
    @Operation(summary = "An FX pair's history",
            description = "Every rate recorded for the pair as quoted, newest as-of first. Rates hold no member's "
                    + "data: "
                    + "a member sees the same as everyone.")
    @GET
    @Path("/{base}/{quote}")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public List<FxRate> history(@PathParam("base") String base, @PathParam("quote") String quote) {
        return rates.history(base, quote);
    }
}
