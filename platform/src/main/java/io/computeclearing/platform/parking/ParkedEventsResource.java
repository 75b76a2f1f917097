package io.computeclearing.platform.parking;

import io.computeclearing.platform.problem.EnumFilter;
import io.computeclearing.platform.problem.ProblemException;
import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.util.List;

/**
 * The events this service's consumers parked, for an operator: list and inspect them, replay one aggregate's once the
 * cause is fixed, or discard one with a reason. Admin only: a parked event may carry any member's data.
 */
@Path("/parked-events")
@RolesAllowed(Roles.ADMIN)
public class ParkedEventsResource {

    /** Which aggregate of which consumer to replay: {@code consumer} as in the parked events' list. */
    public record ReplayRequest(String consumer, String aggregateId) {
    }

    /** Why the event is given up; kept with who discarded it and when. */
    public record DiscardRequest(String reason) {
    }

    private final Consumption consumption;
    private final ParkedEvents parked;
    private final Caller caller;

    public ParkedEventsResource(Consumption consumption, ParkedEvents parked, Caller caller) {
        this.consumption = consumption;
        this.parked = parked;
        this.caller = caller;
    }

    @Operation(summary = "Parked events",
            description = "Events this service's consumers could not apply, and those parked behind them (same "
                    + "consumer and aggregate), oldest first; filtered by consumer, aggregateId and status (PARKED, "
                    + "REPLAYED, DISCARDED; every status when absent). Paged: page from 0, size 1 to 200.")
    @APIResponse(responseCode = "200", description = "The parked events", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ParkedEvent.class)))
    @APIResponse(responseCode = "400", description = "/problems/validation: status: must be one of [PARKED, "
            + "REPLAYED, DISCARDED], was WAITING")
    @GET
    public List<ParkedEvent> list(@QueryParam("consumer") String consumer,
                                  @QueryParam("aggregateId") String aggregateId,
                                  @QueryParam("status") String status,
                                  @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
                                  @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return parked.list(blankToNull(consumer), blankToNull(aggregateId), EnumFilter.of("status", status, ParkedEvent.Status.class), page, size);
    }

    @Operation(summary = "A parked event",
            description = "One parked event: the record as received, why it was parked, and whether and by whom it "
                    + "was replayed or discarded.")
    @APIResponseSchema(value = ParkedEvent.class, responseCode = "200", responseDescription = "The parked event")
    @APIResponse(responseCode = "404", description = "No parked event with this id")
    @GET
    @Path("/{id}")
    public ParkedEvent get(@PathParam("id") long id) {
        return parked.find(id).orElseThrow(() -> ProblemException.notFound("parked event", String.valueOf(id)));
    }

    @Operation(summary = "Replay one aggregate's parked events",
            description = "Applies the consumer's parked events of this aggregate in the order they were parked, "
                    + "through the consumer's own code, each exactly once. Stops at the first that still fails: it "
                    + "and the events behind it stay parked, with its new reason. Replaying again, or with nothing "
                    + "parked, applies nothing.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"consumer": "settlement-service.collateral", "aggregateId": "ALPHA-H"}"""))
    @APIResponseSchema(value = Consumption.Replay.class, responseCode = "200",
            responseDescription = "What was replayed, and what still waits")
    @APIResponse(responseCode = "400", description = "/problems/validation: consumer: is required")
    @APIResponse(responseCode = "404", description = "No consumer with this name in this service")
    @POST
    @Path("/replay")
    public Consumption.Replay replay(ReplayRequest request) {
        if (request == null || blankToNull(request.consumer()) == null) {
            throw ProblemException.invalid("consumer", "is required");
        }
        if (blankToNull(request.aggregateId()) == null) {
            throw ProblemException.invalid("aggregateId", "is required");
        }
        if (consumption.consumer(request.consumer()).isEmpty()) {
            throw ProblemException.notFound("consumer", request.consumer());
        }
        return consumption.replay(request.consumer(), request.aggregateId(), caller.name());
    }

    @Operation(summary = "Discard a parked event",
            description = "Gives up one parked event: it will never be applied (its id goes into the consumer's "
                    + "inbox) and the events parked behind it wait for their own replay. Who discarded it, when and "
                    + "why are kept with it.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"reason": "deposit entered with a wrong amount; reversed in account-service"}"""))
    @APIResponseSchema(value = ParkedEvent.class, responseCode = "200", responseDescription = "The discarded event")
    @APIResponse(responseCode = "400", description = "/problems/validation: reason: is required")
    @APIResponse(responseCode = "404", description = "No parked event with this id")
    @APIResponse(responseCode = "409", description = "/problems/parked-event-not-waiting: the event was already "
            + "replayed or discarded")
    @POST
    @Path("/{id}/discard")
    public ParkedEvent discard(@PathParam("id") long id, DiscardRequest request) {
        if (request == null || blankToNull(request.reason()) == null) {
            throw ProblemException.invalid("reason", "is required");
        }
        if (request.reason().length() > ParkedEvents.REASON_LENGTH) {
            throw ProblemException.invalid("reason", "must be at most " + ParkedEvents.REASON_LENGTH + " characters");
        }
        parked.find(id).orElseThrow(() -> ProblemException.notFound("parked event", String.valueOf(id)));
        return consumption.discard(id, request.reason().strip(), caller.name());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
