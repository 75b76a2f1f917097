package io.computeclearing.settlement.price;

import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.time.LocalDate;
import java.util.List;

/** Daily settlement prices per business date: the back office sets them; everyone, members included, reads them. */
@Path("/settlement-prices")
public class SettlementPriceResource {

    /** Which instrument to derive the price of. */
    public record Derivation(String instrumentId) {
    }

    private final SettlementPrices prices;
    private final Caller caller;

    public SettlementPriceResource(SettlementPrices prices, Caller caller) {
        this.prices = prices;
        this.caller = caller;
    }

    @GET
    @Path("/{businessDate}")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public List<SettlementPriceView> inForce(@PathParam("businessDate") LocalDate businessDate) {
        return prices.inForce(businessDate);
    }

    /** Publishes {@code [{instrumentId, price}]}: all or nothing; returns the prices now in force for them. */
    @POST
    @Path("/{businessDate}")
    @RolesAllowed(Roles.BACK_OFFICE)
    public List<SettlementPriceView> publish(@PathParam("businessDate") LocalDate businessDate,
                                             List<SettlementPrices.Submission> submissions) {
        return prices.publish(businessDate, submissions, caller.name());
    }

    @POST
    @Path("/{businessDate}/derive")
    @RolesAllowed(Roles.BACK_OFFICE)
    public SettlementPriceView derive(@PathParam("businessDate") LocalDate businessDate, Derivation derivation) {
        return prices.derive(businessDate, derivation == null ? null : derivation.instrumentId(), caller.name());
    }
}
