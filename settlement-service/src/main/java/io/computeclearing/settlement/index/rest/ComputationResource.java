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
import jakarta.ws.rs.core.Response;

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

    @GET
    @Path("/{valueDate}")
    @Transactional(Transactional.TxType.SUPPORTS)
    public ComputationView latest(@PathParam("indexId") String indexId, @PathParam("valueDate") LocalDate valueDate) {
        return ComputationView.of(computations.latest(indexId, valueDate));
    }
}
