package io.computeclearing.clearing.giveup;

import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.util.List;

/**
 * Give-ups (asked for at {@code POST /trades/{id}/give-ups}): the receiving member (or the back office) accepts or
 * rejects. A member sees only give-ups involving its own accounts, and decides only those addressed to it.
 */
@Path("/give-ups")
public class GiveUpResource {

    private final GiveUps giveUps;
    private final Caller caller;

    public GiveUpResource(GiveUps giveUps, Caller caller) {
        this.giveUps = giveUps;
        this.caller = caller;
    }

    @Operation(summary = "Accept a give-up",
            description = "The receiving member (or the back office) accepts: the leg moves to the receiving account. "
                    + "A member sees only give-ups addressed to its own accounts: any other answers 404.")
    @APIResponseSchema(value = GiveUpView.class, responseCode = "200", responseDescription = "The give-up, ACCEPTED")
    @APIResponse(responseCode = "404", description = "No give-up with this id addressed to the caller's member")
    @APIResponse(responseCode = "409", description = "/problems/give-up-decided: the give-up was already decided (or, "
            + "/problems/trade-busted or /problems/give-up-stale, the trade was busted or the leg moved)")
    @APIResponse(responseCode = "422", description = "/problems/give-up-refused: the receiving account no longer "
            + "accepts business, or the giving member was declared in default (or, /problems/bust-window-closed, the "
            + "trade is outside the window)")
    @POST
    @Path("/{id}/accept")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.MEMBER})
    public GiveUpView accept(@PathParam("id") long id) {
        return GiveUpView.of(giveUps.accept(caller, id));
    }

    @Operation(summary = "Reject a give-up",
            description = "The receiving member (or the back office) rejects: the leg stays where it is. A member sees "
                    + "only give-ups addressed to its own accounts: any other answers 404.")
    @APIResponseSchema(value = GiveUpView.class, responseCode = "200", responseDescription = "The give-up, REJECTED")
    @APIResponse(responseCode = "404", description = "No give-up with this id addressed to the caller's member")
    @APIResponse(responseCode = "409", description = "/problems/give-up-decided: the give-up was already decided")
    @POST
    @Path("/{id}/reject")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.MEMBER})
    public GiveUpView reject(@PathParam("id") long id) {
        return GiveUpView.of(giveUps.reject(caller, id));
    }

    @Operation(summary = "Give-ups",
            description = "Give-ups, latest first; status filters. A member sees only give-ups from or to its own "
                    + "accounts.")
    @GET
    @RolesAllowed({Roles.BACK_OFFICE, Roles.MEMBER})
    public List<GiveUpView> list(@QueryParam("status") GiveUp.Status status) {
        return giveUps.list(caller, status).stream().map(GiveUpView::of).toList();
    }
}
