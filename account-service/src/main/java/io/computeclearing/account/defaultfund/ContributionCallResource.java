package io.computeclearing.account.defaultfund;

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
 * Contribution calls: demands that a member bring its default fund contribution up to the required one. Back office
 * and risk see every call; a member user only its own (another member's call answers 404, as if it did not exist).
 */
@Path("/contribution-calls")
@RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.MEMBER})
public class ContributionCallResource {

    private final ContributionCalls calls;
    private final Caller caller;

    public ContributionCallResource(ContributionCalls calls, Caller caller) {
        this.calls = calls;
        this.caller = caller;
    }

    @Operation(summary = "Contribution calls",
            description = "Calls newest first; status OPEN, SETTLED or ESCALATED, memberId one member's. A member sees "
                    + "only its own calls; asking for another member's gives an empty list.")
    @APIResponse(responseCode = "200", description = "The calls", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ContributionCall.class)))
    @APIResponse(responseCode = "400", description = "/problems/validation: status: must be one of [OPEN, SETTLED, "
            + "ESCALATED], was CLOSED")
    @GET
    public List<ContributionCall> list(@QueryParam("status") String status, @QueryParam("memberId") String memberId,
                                       @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                       @QueryParam("size") @DefaultValue("100") @Min(1) @Max(500) int size) {
        ContributionCall.Status wanted = EnumFilter.of("status", status, ContributionCall.Status.class);
        String member = memberId == null || memberId.isBlank() ? null : memberId;
        if (caller.seesAllMembers()) {
            return calls.list(wanted, member, page, size);
        }
        return caller.memberId()
                .filter(own -> member == null || member.equals(own))
                .map(own -> calls.list(wanted, own, page, size))
                .orElse(List.of());
    }

    @Operation(summary = "A contribution call",
            description = "One contribution call: the amount, the required and held contribution that set it, its "
                    + "deadline and how it was settled or escalated. A member sees only its own calls; another "
                    + "member's call answers 404, as if it did not exist.")
    @APIResponseSchema(value = ContributionCall.class, responseCode = "200", responseDescription = "The call")
    @APIResponse(responseCode = "404", description = "No contribution call with this id, or another member's call")
    @GET
    @Path("/{id}")
    public ContributionCall get(@PathParam("id") String id) {
        return calls.visibleTo(caller, id);
    }
}
