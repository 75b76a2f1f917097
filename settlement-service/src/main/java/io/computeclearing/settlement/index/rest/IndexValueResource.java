package io.computeclearing.settlement.index.rest;

import io.computeclearing.platform.bounds.Decimal;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
     * different value already published for that date. {@code value} has at most 12 digits before the point and 8
     * after it: margin-service's index projection (numeric(24,8)) must hold every value we publish.
     */
    public record ProviderValue(@NotNull LocalDate valueDate,
                                @NotNull @Decimal(integer = 12, fraction = 8) BigDecimal value,
                                @Size(max = 500) String restatementReason) {
    }

    private final IndexPublication publication;
    private final Caller caller;

    public IndexValueResource(IndexPublication publication, Caller caller) {
        this.publication = publication;
        this.caller = caller;
    }

    /** 201 with the new version; 200 with the stored value when the same value is already in force (a replay). */
    @Operation(summary = "Record a published index value",
            description = "A value the index provider published for valueDate: 201 with the new version, 200 with the "
                    + "stored value when the same value is already in force (a replay). restatementReason is required "
                    + "to replace a different value already published for that date.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"valueDate": "2026-12-01", "value": 2.6150}"""))
    @APIResponse(responseCode = "201", description = "The new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = IndexValueView.class)))
    @APIResponse(responseCode = "200", description = "The same value is already in force; nothing recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = IndexValueView.class)))
    @APIResponse(responseCode = "404", description = "No index with this id")
    @APIResponse(responseCode = "409", description = "/problems/index-value-exists: a different value is already "
            + "published for this date and no restatementReason was given")
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
    @Operation(summary = "Index values",
            description = "The values of [from, to] (both required), by date: those in force, or every version with "
                    + "history=true. Index values are public: a member sees the same as everyone.")
    @APIResponse(responseCode = "200", description = "The values, by date", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = IndexValueView.class)))
    @APIResponse(responseCode = "400", description = "/problems/validation: from: is required (a date, e.g. "
            + "2026-11-30)")
    @APIResponse(responseCode = "404", description = "No index with this id")
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
