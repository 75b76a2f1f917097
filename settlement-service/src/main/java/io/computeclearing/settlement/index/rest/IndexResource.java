package io.computeclearing.settlement.index.rest;

import io.computeclearing.platform.security.Roles;
import io.computeclearing.settlement.index.IndexCatalogue;
import io.computeclearing.settlement.index.IndexDefinition;
import io.computeclearing.settlement.index.NewIndex;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

/** Index definitions: every role reads them; the back office defines indices and describes their methodology. */
@Path("/indices")
public class IndexResource {

    /** The methodology statement in words that replaces the index's current one. */
    public record Description(@NotBlank @Size(max = 4000) String description) {
    }

    private final IndexCatalogue catalogue;

    public IndexResource(IndexCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Operation(summary = "Indices",
            description = "Every index definition. Index definitions are public: a member sees the same as everyone.")
    @GET
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER, Roles.INDEX_PROVIDER})
    public List<IndexView> indices() {
        return catalogue.indices().stream().map(IndexView::of).toList();
    }

    @Operation(summary = "An index",
            description = "One index definition. Index definitions are public: a member sees the same as everyone.")
    @APIResponseSchema(value = IndexView.class, responseCode = "200", responseDescription = "The index")
    @APIResponse(responseCode = "404", description = "No index with this id")
    @GET
    @Path("/{indexId}")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER, Roles.INDEX_PROVIDER})
    public IndexView index(@PathParam("indexId") String indexId) {
        return IndexView.of(catalogue.index(indexId));
    }

    @Operation(summary = "Define an index",
            description = "A new index with its unit, currency, scale and publication time.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"id": "SDH100RT", "name": "H100 GPU-hour rental index", "unit": "USD per GPU-hour", "currency": "USD",
             "valueScale": 4, "publicationTime": "16:00", "publicationZone": "America/New_York",
             "description": "Daily rental rate of an NVIDIA H100 GPU-hour across the provider panel"}"""))
    @APIResponse(responseCode = "201", description = "The index, defined",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = IndexView.class)))
    @APIResponse(responseCode = "409", description = "/problems/index-exists: an index with this id already exists")
    @POST
    @RolesAllowed(Roles.BACK_OFFICE)
    public Response define(@Valid @NotNull NewIndex request) {
        IndexDefinition index = catalogue.define(request);
        return Response.created(URI.create("/indices/" + index.id)).entity(IndexView.of(index)).build();
    }

    @Operation(summary = "Describe an index's methodology in words",
            description = "The methodology statement in words that replaces the index's current one.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"description": "Volume-weighted median of completed H100 rentals reported by the panel by 16:00 New "
                    + "York"}"""))
    @APIResponseSchema(value = IndexView.class, responseCode = "200", responseDescription = "The index")
    @APIResponse(responseCode = "404", description = "No index with this id")
    @PUT
    @Path("/{indexId}/description")
    @RolesAllowed(Roles.BACK_OFFICE)
    public IndexView describe(@PathParam("indexId") String indexId, @Valid @NotNull Description request) {
        return IndexView.of(catalogue.describe(indexId, request.description()));
    }
}
