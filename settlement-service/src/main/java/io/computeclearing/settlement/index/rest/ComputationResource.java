package io.computeclearing.settlement.index.rest;

import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import io.computeclearing.settlement.index.ComputationRequest;
import io.computeclearing.settlement.index.IndexComputations;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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
import java.time.LocalDate;

/**
 * Computed index values: the back office computes and publishes them, and only it reads their inputs (the panel's
 * prices and volumes are confidential to the index administrator).
 */
@Path("/indices/{indexId}/computations")
@RolesAllowed(Roles.BACK_OFFICE)
public class ComputationResource {

    private final IndexComputations computations;
    private final Caller caller;

    public ComputationResource(IndexComputations computations, Caller caller) {
        this.computations = computations;
        this.caller = caller;
    }

    /** 201 with the computation and its inputs; 200 when the same computation is already the value in force. */
    @Operation(summary = "Compute an index value",
            description = "Computes the index for valueDate from the panel's observations up to the cutoff (default "
                    + "the "
                    + "publication time) with the methodology in force, and publishes it: 201 with the computation and "
                    + "its inputs, 200 when the same computation is already the value in force.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"valueDate": "2026-12-01", "cutoff": "2026-12-01T16:00:00Z"}"""))
    @APIResponse(responseCode = "201", description = "The computation, published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ComputationView.class)))
    @APIResponse(responseCode = "200", description = "The same computation is already in force; nothing recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ComputationView.class)))
    @APIResponse(responseCode = "404", description = "No index with this id")
    @APIResponse(responseCode = "409", description = "/problems/index-value-exists: a different value is already "
            + "published for this date and no restatementReason was given")
    @APIResponse(responseCode = "422", description = "/problems/insufficient-contributors: too few distinct "
            + "contributors after excluding stale observations and outliers (or, /problems/no-methodology, the index "
            + "has no methodology yet)")
    @POST
    @Transactional
    public Response compute(@PathParam("indexId") String indexId, @Valid @NotNull ComputationRequest request) {
        IndexComputations.Outcome outcome = computations.compute(request, indexId, caller.name());
        ComputationView view = ComputationView.of(outcome.computation());
        if (!outcome.created()) {
            return Response.ok(view).build();
        }
        return Response.created(URI.create("/indices/" + indexId + "/computations/" + view.valueDate()))
                .entity(view).build();
    }

    @Operation(summary = "An index computation",
            description = "The latest computation of the index for valueDate, with the panel's inputs (confidential "
                    + "to the index administrator).")
    @APIResponseSchema(value = ComputationView.class, responseCode = "200", responseDescription = "The computation")
    @APIResponse(responseCode = "404", description = "No computation of this index for this date")
    @GET
    @Path("/{valueDate}")
    @Transactional(Transactional.TxType.SUPPORTS)
    public ComputationView latest(@PathParam("indexId") String indexId, @PathParam("valueDate") LocalDate valueDate) {
        return ComputationView.of(computations.latest(indexId, valueDate));
    }
}
