package io.computeclearing.settlement.run;

import io.computeclearing.platform.problem.ProblemException;
import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.time.LocalDate;
import java.util.List;

/** Intraday settlement cycles: run one now (risk team or back office), read them (staff). */
@Path("/settlement-cycles")
public class IntradayCycleResource {

    private final IntradayCycles cycles;
    private final Caller caller;

    public IntradayCycleResource(IntradayCycles cycles, Caller caller) {
        this.cycles = cycles;
        this.caller = caller;
    }

    @Operation(summary = "Run an intraday settlement cycle",
            description = "Settles variation margin now on every position and trade of the families named (all "
                    + "when none are) at the prices given, against the previous cycle's price (or the previous "
                    + "end-of-day run's), net zero per currency; margin-service then margins each account at these "
                    + "prices and account-service calls margin from that one snapshot. Bounds: at most 20 families "
                    + "(1 to 12 capital letters or digits), 1 to 2,000 prices of at most 12 + 8 digits, on the tick "
                    + "grid, one per instrument, one for every instrument with positions in the cycle.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"families": ["GH100"], "prices": [{"instrumentId": "GH100-202612", "price": 2.350}]}"""))
    @APIResponse(responseCode = "201", description = "The cycle, done", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IntradayCycleView.class)))
    @APIResponse(responseCode = "400", description = "/problems/validation: prices[0].instrumentId GH100-202701 "
            + "appears more than once")
    @APIResponse(responseCode = "409", description = "/problems/settlement-inputs-missing: no price for an "
            + "instrument with positions (or /problems/day-settled, /problems/business-day-closed, "
            + "/problems/earlier-run-missing, /problems/nothing-to-settle, /problems/previous-price-missing, "
            + "/problems/instrument-unknown, /problems/amount-below-minor-unit, /problems/settlement-not-zero-sum); "
            + "nothing is posted")
    @APIResponse(responseCode = "422", description = "/problems/off-tick-price: a price off the instrument's tick grid "
            + "(or /problems/unknown-instrument, /problems/instrument-settled)")
    @POST
    @Path("/{businessDate}")
    @RolesAllowed({Roles.RISK, Roles.BACK_OFFICE})
    public Response run(@PathParam("businessDate") LocalDate businessDate,
                        @NotNull @Valid IntradayCycles.Request request) {
        return Response.status(201).entity(cycles.run(businessDate, request, caller.name())).build();
    }

    @Operation(summary = "The intraday cycles of a date", description = "In the order they ran; empty if none.")
    @APIResponse(responseCode = "200", description = "The cycles", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = IntradayCycleView.class)))
    @GET
    @Path("/{businessDate}")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN})
    public List<IntradayCycleView> ofDate(@PathParam("businessDate") LocalDate businessDate) {
        return cycles.ofDate(businessDate);
    }

    @Operation(summary = "One intraday cycle", description = "Its totals, prices and postings.")
    @APIResponseSchema(value = IntradayCycleView.class, responseCode = "200", responseDescription = "The cycle")
    @APIResponse(responseCode = "404", description = "No such cycle")
    @GET
    @Path("/{businessDate}/{sequence}")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN})
    public IntradayCycleView find(@PathParam("businessDate") LocalDate businessDate,
                                  @PathParam("sequence") int sequence) {
        String cycleId = businessDate + IntradayCycles.PREFIX + sequence;
        return cycles.find(cycleId).orElseThrow(() -> ProblemException.notFound("Intraday cycle", cycleId));
    }
}
