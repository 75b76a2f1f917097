package io.computeclearing.settlement.finalsettlement;

import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/** Final settlements per instrument: price, rule and inputs. Index values are public, so members read them too. */
@Path("/final-settlements")
public class FinalSettlementResource {

    private final FinalSettlements finalSettlements;

    public FinalSettlementResource(FinalSettlements finalSettlements) {
        this.finalSettlements = finalSettlements;
    }

    @Operation(summary = "An instrument's final settlement",
            description = "The final settlement price, the rule and the index values it used. It holds no member's "
                    + "data: a member sees the same as everyone.")
    @APIResponseSchema(value = FinalSettlementView.class, responseCode = "200",
            responseDescription = "The final settlement")
    @APIResponse(responseCode = "404", description = "The instrument is not finally settled (or not known)")
    @GET
    @Path("/{instrumentId}")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public FinalSettlementView find(@PathParam("instrumentId") String instrumentId) {
        return finalSettlements.find(instrumentId);
    }
}
