package io.computeclearing.clearing.settlement;

import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.util.Optional;

/**
 * An instrument's final settlement: price and time for everyone; the positions it closed for the back office, risk
 * and admin, and to a member only its own.
 */
@Path("/catalogue/instruments/{id}/final-settlement")
public class FinalSettlementResource {

    private final FinalSettlements settlements;
    private final Caller caller;

    public FinalSettlementResource(FinalSettlements settlements, Caller caller) {
        this.settlements = settlements;
        this.caller = caller;
    }

    /** 404 until the instrument is finally settled. */
    @Operation(summary = "An instrument's final settlement",
            description = "The final settlement price and time, and the positions it closed. A member sees only the "
                    + "closed positions of its own member's accounts; the price and time are the same for everyone.")
    @APIResponseSchema(value = FinalSettlementView.class, responseCode = "200",
            responseDescription = "The final settlement")
    @APIResponse(responseCode = "404", description = "The instrument is unknown or not finally settled yet")
    @GET
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public FinalSettlementView finalSettlement(@PathParam("id") String instrumentId) {
        FinalSettlement settlement = settlements.of(instrumentId);
        Optional<String> member = caller.seesAllMembers() ? Optional.empty()
                : Optional.of(caller.memberId().orElse(""));
        return FinalSettlementView.of(settlement, settlements.closedPositions(instrumentId, member));
    }
}
