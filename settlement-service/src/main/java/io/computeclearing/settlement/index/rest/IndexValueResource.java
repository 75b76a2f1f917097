package io.computeclearing.settlement.index.rest;

import io.computeclearing.platform.problem.ProblemException;
import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import io.computeclearing.settlement.index.IndexPublication;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/**
 * Index values: recorded from the index provider (its own client or the back office) and read by everyone. Reads
 * return the values in force (the latest version per date) unless {@code history=true} asks for every version.
 */
@Path("/indices/{indexId}/values")
public class IndexValueResource {

    /**
     * A value the provider published for {@code valueDate}. {@code restatementReason} is required to replace a
     * different value already published for that date.
     */
    public record ProviderValue(@NotNull LocalDate valueDate, @NotNull BigDecimal value,
                                @Size(max = 500) String restatementReason) {
    }

    private final IndexPublication publication;
    private final Caller caller;

    public IndexValueResource(IndexPublication publication, Caller caller) {
        this.publication = publication;
        this.caller = caller;
    }

    /** 201 with the new version; 200 with the stored value when the same value is already in force (a replay). */
    @POST
    @RolesAllowed({Roles.BACK_OFFICE, Roles.INDEX_PROVIDER})
    public Response record(@PathParam("indexId") String indexId, @Valid @NotNull ProviderValue request) {
        IndexPublication.Outcome outcome = publication.recordProviderValue(indexId, request.valueDate(),
                request.value(), request.restatementReason(), caller.name());
        IndexValueView view = IndexValueView.of(outcome.value());
        if (!outcome.created()) {
            return Response.ok(view).build();
        }
        return Response.created(URI.create("/indices/" + indexId + "/values?from=" + view.valueDate() + "&to="
                + view.valueDate())).entity(view).build();
    }

    /** Values of [from, to] (both required), by date. */
    @GET
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER, Roles.INDEX_PROVIDER})
    public List<IndexValueView> values(@PathParam("indexId") String indexId, @QueryParam("from") LocalDate from,
                                       @QueryParam("to") LocalDate to, @QueryParam("history") boolean history) {
        if (from == null || to == null) {
            throw ProblemException.invalid(from == null ? "from" : "to", "is required (a date, e.g. 2026-11-30)");
        }
        return publication.values(indexId, from, to, history).stream().map(IndexValueView::of).toList();
    }
}
