package io.computeclearing.settlement.finalsettlement;

import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Final settlements per instrument: price, rule and inputs. Index values are public, so members read them too. */
@Path("/final-settlements")
public class FinalSettlementResource {

    private final FinalSettlements finalSettlements;

    public FinalSettlementResource(FinalSettlements finalSettlements) {
        this.finalSettlements = finalSettlements;
    }

    @GET
    @Path("/{instrumentId}")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public FinalSettlementView find(@PathParam("instrumentId") String instrumentId) {
        return finalSettlements.find(instrumentId);
    }
}
