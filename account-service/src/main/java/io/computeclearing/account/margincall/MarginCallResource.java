package io.computeclearing.account.margincall;

import io.computeclearing.platform.problem.EnumFilter;
import io.computeclearing.platform.rest.Paging;
import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.util.List;

/**
 * Margin calls: demands for collateral on accounts whose cover fell short. Back office and risk see every call; a
 * member user only its own member's (another member's call answers 404, as if it did not exist).
 */
@Path("/margin-calls")
@RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.MEMBER})
public class MarginCallResource {

    private final MarginCalls calls;
    private final Caller caller;

    public MarginCallResource(MarginCalls calls, Caller caller) {
        this.calls = calls;
        this.caller = caller;
    }

    /**
     * Calls newest first; {@code status} OPEN, SETTLED or ESCALATED, {@code accountId} one account's (empty: all).
     * A member user gets only its own member's calls: another member's account gives an empty list.
     */
    @Operation(summary = "Margin calls",
            description = "Calls newest first; status OPEN, SETTLED or ESCALATED, accountId one account's. A member "
                    + "sees "
                    + "only its own member's calls; another member's account gives an empty list.")
    @APIResponse(responseCode = "200", description = "The calls", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = MarginCall.class)))
    @APIResponse(responseCode = "400", description = "/problems/validation: status: must be one of [OPEN, SETTLED, "
            + "ESCALATED], was CLOSED")
    @GET
    public List<MarginCall> list(@QueryParam("status") String status, @QueryParam("accountId") String accountId,
                                 @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                 @QueryParam("size") @DefaultValue("100") @Min(1) @Max(500) int size) {
        MarginCall.Status wanted = EnumFilter.of("status", status, MarginCall.Status.class);
        String account = accountId == null || accountId.isBlank() ? null : accountId;
        if (caller.seesAllMembers()) {
            return calls.list(wanted, account, null, page, size);
        }
        return caller.memberId().map(own -> calls.list(wanted, account, own, page, size)).orElse(List.of());
    }

    @Operation(summary = "A margin call",
            description = "One margin call with its deadline and how it was settled or escalated. A member sees only "
                    + "its "
                    + "own member's calls; another member's call answers 404, as if it did not exist.")
    @APIResponseSchema(value = MarginCall.class, responseCode = "200", responseDescription = "The call")
    @APIResponse(responseCode = "404", description = "No margin call with this id, or another member's call")
    @GET
    @Path("/{id}")
    public MarginCall get(@PathParam("id") String id) {
        return calls.visibleTo(caller, id);
    }
}
