package io.computeclearing.settlement.run;

import io.computeclearing.platform.problem.ProblemException;
import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

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

    @POST
    @Path("/{businessDate}")
    @RolesAllowed(Roles.BACK_OFFICE)
    public Response run(@PathParam("businessDate") LocalDate businessDate) {
        EndOfDayRuns.Outcome outcome = runs.run(businessDate, caller.name());
        return Response.status(outcome.repeated() ? 200 : 201).entity(outcome.run()).build();
    }

    @GET
    @Path("/{businessDate}")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN})
    public EndOfDayRunView find(@PathParam("businessDate") LocalDate businessDate) {
        return ledger.find(businessDate)
                .orElseThrow(() -> ProblemException.notFound("End-of-day run of", businessDate.toString()));
    }
}
