package io.computeclearing.risk.defaultfund;

import io.computeclearing.platform.problem.ProblemException;
import io.computeclearing.platform.rest.Paging;
import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import io.computeclearing.risk.defaultfund.DefaultFundViews.MemberLine;
import io.computeclearing.risk.defaultfund.DefaultFundViews.Sizing;
import io.computeclearing.risk.defaultfund.DefaultFundViews.SizingView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Default fund sizings: risk sizes the fund on demand (it is also sized periodically and after a daily run's
 * shortfall); risk and the back office read every sizing; a member reads its own contribution line only. A separate
 * path from account-service's {@code /default-fund}, which holds the contributions.
 */
@Path("/default-fund-sizings")
public class DefaultFundSizingResource {

    /** The sizing's as-of date: the period is the daily runs of (asOf - period, asOf]; absent, the latest run's. */
    public record SizingRequest(LocalDate asOf) {
    }

    private final DefaultFundSizings sizings;
    private final DefaultFundQueries queries;
    private final Caller caller;

    public DefaultFundSizingResource(DefaultFundSizings sizings, DefaultFundQueries queries, Caller caller) {
        this.sizings = sizings;
        this.queries = queries;
        this.caller = caller;
    }

    @Operation(summary = "Size the default fund",
            description = "Sizes the fund over the daily stress runs of the period up to asOf (the latest daily "
                    + "run's date when absent): max(max Cover-2 x (1 + buffer), minimum), rounded up to the cent, and "
                    + "each member's contribution, the minimum plus a share of the rest pro rata to its risk measure, "
                    + "adding up exactly to the fund. Stores the sizing, which becomes the fund in force, and "
                    + "publishes DefaultFundSized and one DefaultFundContributionRequired per member. Refused "
                    + "requests write nothing.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"asOf": "2026-12-04"}"""))
    @APIResponse(responseCode = "201", description = "The sizing, with every member's contribution",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SizingView.class)))
    @APIResponse(responseCode = "409", description = "/problems/no-stress-runs: no daily (END_OF_DAY) stress run "
            + "of a business date after 2026-11-04 up to 2026-12-04: there is no Cover-2 to size on (or "
            + "/problems/fund-below-minimum-contributions, /problems/fx-rate-missing)")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RISK)
    public Response size(SizingRequest request) {
        long sizingId = sizings.size(Optional.ofNullable(request).map(SizingRequest::asOf),
                DefaultFundSizings.Reason.ON_DEMAND, caller.name());
        return Response.created(URI.create("/default-fund-sizings/" + sizingId))
                .entity(queries.find(sizingId).orElseThrow()).build();
    }

    @Operation(summary = "Default fund sizings",
            description = "The sizings, newest first (the first is the fund in force), with their fund and the "
                    + "Cover-2 it covers.")
    @APIResponse(responseCode = "200", description = "A page of sizings", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = Sizing.class)))
    @GET
    @RolesAllowed({Roles.RISK, Roles.BACK_OFFICE})
    public List<Sizing> list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                             @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return queries.list(page, size);
    }

    @Operation(summary = "A default fund sizing",
            description = "The sizing (period, largest Cover-2, buffer, floor, fund) and every member's required "
                    + "contribution: its risk measure, the minimum and its pro rata share.")
    @APIResponseSchema(value = SizingView.class, responseCode = "200", responseDescription = "The sizing")
    @APIResponse(responseCode = "404", description = "No sizing with this id")
    @GET
    @Path("/{sizingId}")
    @RolesAllowed({Roles.RISK, Roles.BACK_OFFICE})
    public SizingView get(@PathParam("sizingId") long sizingId) {
        return queries.find(sizingId)
                .orElseThrow(() -> ProblemException.notFound("default fund sizing", String.valueOf(sizingId)));
    }

    @Operation(summary = "A member's required contribution",
            description = "The member's line of a sizing: its risk measure, the minimum, its pro rata share and the "
                    + "contribution required, beside the fund. A member sees only its own line; another member's "
                    + "answers 404, as if it did not exist.")
    @APIResponseSchema(value = MemberLine.class, responseCode = "200", responseDescription = "The member's line")
    @APIResponse(responseCode = "404", description = "No such sizing, the member is not in it, or another member's "
            + "line")
    @GET
    @Path("/{sizingId}/members/{memberId}")
    @RolesAllowed({Roles.RISK, Roles.BACK_OFFICE, Roles.MEMBER})
    public MemberLine member(@PathParam("sizingId") long sizingId, @PathParam("memberId") String memberId) {
        caller.requireAccess(memberId, "default fund contribution of member", memberId);
        return queries.member(sizingId, memberId)
                .orElseThrow(() -> ProblemException.notFound("default fund contribution of member", memberId));
    }
}
