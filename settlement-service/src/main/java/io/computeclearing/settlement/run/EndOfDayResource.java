package io.computeclearing.settlement.run;

import io.computeclearing.platform.problem.ProblemException;
import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.time.LocalDate;

/**
 * End-of-day runs: the back office runs a business date (201 the first time, 200 with the same run afterwards);
 * staff read a run's totals, prices, postings and checks.
 */
@Path("/end-of-day")
public class EndOfDayResource {

    private final EndOfDayRuns runs;
    private final RunLedger ledger;
    private final Caller caller;

    public EndOfDayResource(EndOfDayRuns runs, RunLedger ledger, Caller caller) {
        this.runs = runs;
        this.ledger = ledger;
        this.caller = caller;
    }

    @Operation(summary = "Run the end of day",
            description = "Marks every position to the date's settlement prices and posts variation margin to the "
                    + "members' ledgers (net zero per currency): 201 the first time, 200 with the same run afterwards.")
    @APIResponse(responseCode = "201", description = "The run, done",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EndOfDayRunView.class)))
    @APIResponse(responseCode = "200", description = "The date was run before: the same run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EndOfDayRunView.class)))
    @APIResponse(responseCode = "409", description = "/problems/settlement-inputs-missing: a settlement price or input "
            + "the run needs is missing (or /problems/business-day-open, /problems/trade-events-missing, "
            + "/problems/earlier-run-missing, /problems/previous-price-missing, /problems/instrument-unknown, "
            + "/problems/amount-below-minor-unit, /problems/settlement-not-zero-sum); nothing is posted")
    @POST
    @Path("/{businessDate}")
    @RolesAllowed(Roles.BACK_OFFICE)
    public Response run(@PathParam("businessDate") LocalDate businessDate) {
        EndOfDayRuns.Outcome outcome = runs.run(businessDate, caller.name());
        return Response.status(outcome.repeated() ? 200 : 201).entity(outcome.run()).build();
    }

    @Operation(summary = "An end-of-day run",
            description = "A run's totals, prices, postings and checks.")
    @APIResponseSchema(value = EndOfDayRunView.class, responseCode = "200", responseDescription = "The run")
    @APIResponse(responseCode = "404", description = "The business date has not been run")
    @GET
    @Path("/{businessDate}")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN})
    public EndOfDayRunView find(@PathParam("businessDate") LocalDate businessDate) {
        return ledger.find(businessDate)
                .orElseThrow(() -> ProblemException.notFound("End-of-day run of", businessDate.toString()));
    }
}
