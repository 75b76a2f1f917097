package io.computeclearing.account.fx;

import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** FX rates used to value collateral and requirements in an account's base currency. */
@Path("/collateral/fx-rates")
public class FxRateResource {

    /** One {base} costs {@code rate} {quote}; {@code asOf} optional (now). */
    public record SetRate(@NotNull @Positive @Digits(integer = 12, fraction = 10) BigDecimal rate, Instant asOf) {
    }

    private final FxRates rates;
    private final Caller caller;

    public FxRateResource(FxRates rates, Caller caller) {
        this.rates = rates;
        this.caller = caller;
    }

    @PUT
    @Path("/{base}/{quote}")
    @RolesAllowed(Roles.BACK_OFFICE)
    public FxRate set(@PathParam("base") String base, @PathParam("quote") String quote,
                      @Valid @NotNull SetRate request) {
        return rates.set(base, quote, request.rate(), request.asOf(), caller.name());
    }

    /** The latest rate of every quoted pair. */
    @GET
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public List<FxRate> latest() {
        return rates.latest();
    }

    /** Every rate recorded for the pair as quoted, newest as-of first. */
    @GET
    @Path("/{base}/{quote}")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public List<FxRate> history(@PathParam("base") String base, @PathParam("quote") String quote) {
        return rates.history(base, quote);
    }
}
