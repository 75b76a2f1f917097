package io.computeclearing.clearing.giveup;

import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

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

    @POST
    @Path("/{id}/accept")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.MEMBER})
    public GiveUpView accept(@PathParam("id") long id) {
        return GiveUpView.of(giveUps.accept(caller, id));
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.MEMBER})
    public GiveUpView reject(@PathParam("id") long id) {
        return GiveUpView.of(giveUps.reject(caller, id));
    }

    @GET
    @RolesAllowed({Roles.BACK_OFFICE, Roles.MEMBER})
    public List<GiveUpView> list(@QueryParam("status") GiveUp.Status status) {
        return giveUps.list(caller, status).stream().map(GiveUpView::of).toList();
    }
}
