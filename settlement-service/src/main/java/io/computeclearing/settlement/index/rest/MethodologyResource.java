package io.computeclearing.settlement.index.rest;

import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import io.computeclearing.settlement.index.Methodologies;
import io.computeclearing.settlement.index.NewMethodology;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;

/** An index's methodology, published to everyone (IOSCO); the back office adds versions. */
@Path("/indices/{indexId}/methodology")
public class MethodologyResource {

    private final Methodologies methodologies;
    private final Caller caller;

    public MethodologyResource(Methodologies methodologies, Caller caller) {
        this.methodologies = methodologies;
        this.caller = caller;
    }

    /** The version in force. */
    @GET
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER, Roles.INDEX_PROVIDER})
    public MethodologyView inForce(@PathParam("indexId") String indexId) {
        return MethodologyView.of(methodologies.inForce(indexId));
    }

    /** Every version, oldest first. */
    @GET
    @Path("/versions")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER, Roles.INDEX_PROVIDER})
    public List<MethodologyView> versions(@PathParam("indexId") String indexId) {
        return methodologies.history(indexId).stream().map(MethodologyView::of).toList();
    }

    /** Adds the next version; it is in force at once. */
    @POST
    @RolesAllowed(Roles.BACK_OFFICE)
    public Response define(@PathParam("indexId") String indexId, @Valid @NotNull NewMethodology request) {
        MethodologyView view = MethodologyView.of(methodologies.define(indexId, request, caller.name()));
        return Response.created(URI.create("/indices/" + indexId + "/methodology/versions")).entity(view).build();
    }
}
