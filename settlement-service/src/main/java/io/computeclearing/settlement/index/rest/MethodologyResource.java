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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

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
    @Operation(summary = "An index's methodology in force",
            description = "The methodology version in force. Methodologies are published to everyone (IOSCO): a "
                    + "member sees the same as everyone.")
    @APIResponseSchema(value = MethodologyView.class, responseCode = "200",
            responseDescription = "The version in force")
    @APIResponse(responseCode = "404", description = "No index with this id, or it has no methodology yet")
    @GET
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER, Roles.INDEX_PROVIDER})
    public MethodologyView inForce(@PathParam("indexId") String indexId) {
        return MethodologyView.of(methodologies.inForce(indexId));
    }

    /** Every version, oldest first. */
    @Operation(summary = "An index's methodology versions",
            description = "Every version, oldest first. Methodologies are published to everyone (IOSCO): a member "
                    + "sees the same as everyone.")
    @GET
    @Path("/versions")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER, Roles.INDEX_PROVIDER})
    public List<MethodologyView> versions(@PathParam("indexId") String indexId) {
        return methodologies.history(indexId).stream().map(MethodologyView::of).toList();
    }

    /** Adds the next version; it is in force at once. */
    @Operation(summary = "Add a methodology version",
            description = "Adds the next version of the index's methodology; it is in force at once.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"method": "VOLUME_WEIGHTED_MEDIAN", "trimFraction": 0, "minContributors": 3, "stalenessLimit": "PT24H",
             "outlierMadMultiple": 5, "changeReason": "panel widened to five providers"}"""))
    @APIResponse(responseCode = "201", description = "The new version, in force",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MethodologyView.class)))
    @APIResponse(responseCode = "404", description = "No index with this id")
    @POST
    @RolesAllowed(Roles.BACK_OFFICE)
    public Response define(@PathParam("indexId") String indexId, @Valid @NotNull NewMethodology request) {
        MethodologyView view = MethodologyView.of(methodologies.define(indexId, request, caller.name()));
        return Response.created(URI.create("/indices/" + indexId + "/methodology/versions")).entity(view).build();
    }
}
