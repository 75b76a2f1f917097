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
import jakarta.ws.rs.core.Response;

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

    @GET
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER, Roles.INDEX_PROVIDER})
    public List<IndexView> indices() {
        return catalogue.indices().stream().map(IndexView::of).toList();
    }

    @GET
    @Path("/{indexId}")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER, Roles.INDEX_PROVIDER})
    public IndexView index(@PathParam("indexId") String indexId) {
        return IndexView.of(catalogue.index(indexId));
    }

    @POST
    @RolesAllowed(Roles.BACK_OFFICE)
    public Response define(@Valid @NotNull NewIndex request) {
        IndexDefinition index = catalogue.define(request);
        return Response.created(URI.create("/indices/" + index.id)).entity(IndexView.of(index)).build();
    }

    @PUT
    @Path("/{indexId}/description")
    @RolesAllowed(Roles.BACK_OFFICE)
    public IndexView describe(@PathParam("indexId") String indexId, @Valid @NotNull Description request) {
        return IndexView.of(catalogue.describe(indexId, request.description()));
    }
}
