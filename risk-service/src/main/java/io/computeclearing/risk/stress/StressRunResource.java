package io.computeclearing.risk.stress;

import io.computeclearing.platform.problem.ProblemException;
import io.computeclearing.platform.rest.Paging;
import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import io.computeclearing.risk.stress.StressRunViews.MemberLosses;
import io.computeclearing.risk.stress.StressRunViews.RunSummary;
import io.computeclearing.risk.stress.StressRunViews.RunView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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

/**
 * Stress runs: risk starts one on demand; risk and the back office read every run; a member reads its own losses.
 * The daily run starts by itself when settlement-service completes the end of day ({@link EndOfDayRunConsumer}).
 */
@Path("/stress-runs")
public class StressRunResource {

    /** The business date to run: its end-of-day run must be complete and its settlement prices known. */
    public record RunRequest(@NotNull LocalDate businessDate) {
    }

    private final StressRuns runs;
    private final StressRunQueries queries;
    private final Caller caller;

    public StressRunResource(StressRuns runs, StressRunQueries queries, Caller caller) {
        this.runs = runs;
        this.queries = queries;
        this.caller = caller;
    }

    @Operation(summary = "Run the stress test",
            description = "Revalues every account under every scenario in force at the business date's settlement "
                    + "prices, positions as held, and stores the losses, uncovered losses and Cover-1/Cover-2 as a "
                    + "new run (a date may be run more than once; the daily run starts by itself after the end of "
                    + "day). Refused requests write nothing.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"businessDate": "2026-12-04"}"""))
    @APIResponse(responseCode = "201", description = "The run, done",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "400", description = "/problems/validation: businessDate: must not be null")
    @APIResponse(responseCode = "409", description = "/problems/end-of-day-run-missing: settlement-service has not "
            + "completed the end-of-day run of 2026-12-04 (or, /problems/settlement-prices-missing, "
            + "/problems/no-scenarios, /problems/fx-rate-missing)")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RISK)
    public Response run(@Valid @NotNull RunRequest request) {
        long runId = runs.run(request.businessDate(), StressRuns.Trigger.ON_DEMAND, caller.name());
        return Response.created(URI.create("/stress-runs/" + runId)).entity(queries.find(runId).orElseThrow())
                .build();
    }

    @Operation(summary = "Stress runs", description = "The runs, newest first, with their maximum Cover-1 and Cover-2.")
    @APIResponse(responseCode = "200", description = "A page of runs", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = RunSummary.class)))
    @GET
    @RolesAllowed({Roles.RISK, Roles.BACK_OFFICE})
    public List<RunSummary> list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                 @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return queries.list(page, size);
    }

    @Operation(summary = "A stress run",
            description = "The run's maximum covers, per scenario the moves it applied, its Cover-1 and Cover-2 and "
                    + "every member group's loss, margin and uncovered loss, and the groups' members.")
    @APIResponseSchema(value = RunView.class, responseCode = "200", responseDescription = "The run")
    @APIResponse(responseCode = "404", description = "No stress run with this id")
    @GET
    @Path("/{runId}")
    @RolesAllowed({Roles.RISK, Roles.BACK_OFFICE})
    public RunView get(@PathParam("runId") long runId) {
        return queries.find(runId).orElseThrow(() -> ProblemException.notFound("stress run", String.valueOf(runId)));
    }

    @Operation(summary = "A member's stress losses",
            description = "Per scenario the member's loss (its accounts together), each account's loss in USD and per "
                    + "currency, and its member group's loss, margin and uncovered loss. A member sees only its own "
                    + "member's losses; another member's answers 404, as if it did not exist.")
    @APIResponseSchema(value = MemberLosses.class, responseCode = "200", responseDescription = "The member's losses")
    @APIResponse(responseCode = "404", description = "No such run, no account of the member in it, or another "
            + "member's losses")
    @GET
    @Path("/{runId}/members/{memberId}")
    @RolesAllowed({Roles.RISK, Roles.BACK_OFFICE, Roles.MEMBER})
    public MemberLosses member(@PathParam("runId") long runId, @PathParam("memberId") String memberId) {
        caller.requireAccess(memberId, "stress losses of member", memberId);
        return queries.member(runId, memberId)
                .orElseThrow(() -> ProblemException.notFound("stress losses of member", memberId));
    }
}
