package io.computeclearing.settlement.run;

import io.computeclearing.platform.problem.ProblemException;
import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import io.computeclearing.settlement.price.SettlementPrices;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
    private final IntradayPrices prices;
    private final IntradayCycleSchedule schedule;
    private final Caller caller;

    public IntradayCycleResource(IntradayCycles cycles, IntradayPrices prices, IntradayCycleSchedule schedule,
                                 Caller caller) {
        this.cycles = cycles;
        this.prices = prices;
        this.schedule = schedule;
        this.caller = caller;
    }

    @Operation(summary = "Run an intraday settlement cycle",
            description = "Settles variation margin now on every position and trade of the families named (all "
                    + "when none are) at the prices given, against the previous cycle's price (or the previous "
                    + "end-of-day run's), net zero per currency; margin-service then margins each account at these "
                    + "prices and account-service calls margin from that one snapshot. Bounds: at most 20 families "
                    + "(1 to 12 capital letters or digits), at most 2,000 prices of at most 12 + 8 digits, on the tick "
                    + "grid, one per instrument, one for every instrument with positions in the cycle; no prices: the "
                    + "intraday prices published for the date (POST /settlement-cycles/{date}/prices).")
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

    @Operation(summary = "Publish intraday prices",
            description = "The prices the scheduled intraday cycles of the date (and an on-demand cycle given no "
                    + "prices) settle at: 1 to 1,000 prices of at most 12 + 8 digits, on the tick grid, one per "
                    + "instrument, all or none; a later price of an instrument replaces the earlier one. Refused "
                    + "once the date is closed or settled.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            [{"instrumentId": "GH100-202612", "price": 2.350}]"""))
    @APIResponse(responseCode = "200", description = "The intraday prices of the date now in force", content =
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = IntradayPrices.IntradayPrice.class)))
    @APIResponse(responseCode = "400", description = "/problems/validation: prices[0].instrumentId GH100-202612 "
            + "appears more than once")
    @APIResponse(responseCode = "409", description = "/problems/business-day-closed: the date is closed (or "
            + "/problems/day-settled)")
    @APIResponse(responseCode = "422", description = "/problems/off-tick-price: a price off the instrument's tick grid "
            + "(or /problems/unknown-instrument, /problems/instrument-settled)")
    @POST
    @Path("/{businessDate}/prices")
    @RolesAllowed(Roles.BACK_OFFICE)
    public List<IntradayPrices.IntradayPrice> publishPrices(
            @PathParam("businessDate") LocalDate businessDate,
            @Valid @NotNull @Size(min = 1, max = 1000) List<SettlementPrices.@Valid Submission> submissions) {
        return prices.publish(businessDate, submissions, caller.name());
    }

    @Operation(summary = "The intraday prices of a date",
            description = "By instrument; empty if none. A member sees them all: they are market data, not any "
                    + "member's.")
    @APIResponse(responseCode = "200", description = "The prices", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = IntradayPrices.IntradayPrice.class)))
    @GET
    @Path("/{businessDate}/prices")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public List<IntradayPrices.IntradayPrice> prices(@PathParam("businessDate") LocalDate businessDate) {
        return prices.inForce(businessDate);
    }

    @Operation(summary = "The scheduled intraday cycles of a date",
            description = "Each scheduled cycle attempted (ccp.settlement.intraday-cycles.times), by due time: RUN "
                    + "with its cycle id, or REFUSED with the problem (prices missing, the day closed, nobody holding "
                    + "the family); a refused one is not retried.")
    @APIResponse(responseCode = "200", description = "The attempts", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = IntradayCycleSchedule.Attempt.class)))
    @GET
    @Path("/{businessDate}/schedule")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN})
    public List<IntradayCycleSchedule.Attempt> schedule(@PathParam("businessDate") LocalDate businessDate) {
        return schedule.attempted(businessDate);
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
