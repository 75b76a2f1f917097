package io.computeclearing.account.member;

import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.util.List;

@Path("/members")
public class MemberResource {

    private static final String MEMBER_ID = "[A-Z0-9][A-Z0-9-]{1,19}";
    private static final String MEMBER_ID_RULE = "must be 2-20 upper-case letters, digits or '-'";

    public record RegisterMember(
            @NotBlank @Pattern(regexp = MEMBER_ID, message = MEMBER_ID_RULE) String id,
            @NotBlank @Size(max = 200, message = "must be at most 200 characters") String legalName,
            @NotBlank @Pattern(regexp = "[A-Z0-9]{18}[0-9]{2}", message = "must be a 20-character ISO 17442 LEI") String lei,
            @NotNull ClearingMember.MembershipType membershipType,
            @Pattern(regexp = MEMBER_ID, message = MEMBER_ID_RULE) String parentMemberId) {
    }

    /** The member's parent; null or absent: affiliated with no one. */
    public record ChangeParent(@Pattern(regexp = MEMBER_ID, message = MEMBER_ID_RULE) String parentMemberId) {
    }

    private final MemberService members;
    private final Caller caller;

    public MemberResource(MemberService members, Caller caller) {
        this.members = members;
        this.caller = caller;
    }

    @Operation(summary = "Register a clearing member",
            description = "Admits a clearing member, ACTIVE at once. parentMemberId (optional) names an existing "
                    + "member it is affiliated with: the risk service counts the group as one in Cover-2.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"id": "ALPHA-ASIA", "legalName": "Alpha Compute Trading Asia Ltd", "lei": "5493001KJTIIGC8Y1R12",
             "membershipType": "DIRECT_CLEARING_MEMBER", "parentMemberId": "ALPHA"}"""))
    @APIResponse(responseCode = "201", description = "The member, registered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ClearingMember.class)))
    @APIResponse(responseCode = "409", description = "/problems/member-exists: a member with this id already exists "
            + "(or, /problems/lei-in-use, another member has this LEI)")
    @APIResponse(responseCode = "422", description = "/problems/unknown-member: the parent member does not exist (or "
            + "/problems/affiliation-cycle: the member names itself)")
    @POST
    @RolesAllowed(Roles.BACK_OFFICE)
    public Response register(@Valid @NotNull RegisterMember request) {
        ClearingMember member = members.register(request.id(), request.legalName(), request.lei(),
                request.membershipType(), request.parentMemberId());
        return Response.status(Response.Status.CREATED).entity(member).build();
    }

    @Operation(summary = "Clearing members",
            description = "Every clearing member. status: ACTIVE; SUSPENDED by the back office (suspend, reinstate); "
                    + "DEFAULTED once risk-service declares its default (MemberDefaultDeclared), for good: its "
                    + "accounts take no new trades, give-ups or withdrawals, and it can no longer be suspended or "
                    + "reinstated.")
    @GET
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN})
    public List<ClearingMember> list() {
        return members.list();
    }

    @Operation(summary = "A clearing member",
            description = "One clearing member. A member sees only itself; another member answers 404, as if it did "
                    + "not exist.")
    @APIResponseSchema(value = ClearingMember.class, responseCode = "200", responseDescription = "The member")
    @APIResponse(responseCode = "404", description = "No member with this id, or another member")
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public ClearingMember get(@PathParam("id") String id) {
        caller.requireAccess(id, "member", id);
        return members.get(id);
    }

    @Operation(summary = "Change a member's affiliation",
            description = "Names the member's parent (an existing member; null: none). The same parent again "
                    + "changes nothing and publishes nothing; a change publishes MemberAffiliationChanged.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"parentMemberId": "ALPHA"}"""))
    @APIResponseSchema(value = ClearingMember.class, responseCode = "200",
            responseDescription = "The member with its parent")
    @APIResponse(responseCode = "404", description = "No member with this id")
    @APIResponse(responseCode = "422", description = "/problems/affiliation-cycle: the parent is the member itself or "
            + "already affiliated below it (or /problems/unknown-member: the parent does not exist)")
    @PUT
    @Path("/{id}/parent")
    @RolesAllowed(Roles.BACK_OFFICE)
    public ClearingMember changeParent(@PathParam("id") String id, @Valid @NotNull ChangeParent request) {
        return members.changeParent(id, request.parentMemberId());
    }

    @Operation(summary = "Suspend a clearing member",
            description = "The member's accounts accept no new business and no withdrawals until it is reinstated. "
                    + "A DEFAULTED member is neither suspended nor reinstated: it stays DEFAULTED.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"reason": "missed the margin call deadline of 2026-12-02"}"""))
    @APIResponseSchema(value = ClearingMember.class, responseCode = "200",
            responseDescription = "The member, SUSPENDED")
    @APIResponse(responseCode = "404", description = "No member with this id")
    @APIResponse(responseCode = "409", description = "/problems/illegal-status-transition: the member is already "
            + "suspended (or /problems/member-defaulted: it is DEFAULTED)")
    @POST
    @Path("/{id}/suspend")
    @RolesAllowed(Roles.BACK_OFFICE)
    public ClearingMember suspend(@PathParam("id") String id, @Valid @NotNull StatusChangeRequest request) {
        return members.suspend(id, request.reason());
    }

    @Operation(summary = "Reinstate a clearing member",
            description = "A suspended member becomes ACTIVE again; a DEFAULTED one never does.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"reason": "margin call settled"}"""))
    @APIResponseSchema(value = ClearingMember.class, responseCode = "200", responseDescription = "The member, ACTIVE")
    @APIResponse(responseCode = "404", description = "No member with this id")
    @APIResponse(responseCode = "409", description = "/problems/illegal-status-transition: the member is not "
            + "suspended (or /problems/member-defaulted: it is DEFAULTED)")
    @POST
    @Path("/{id}/reinstate")
    @RolesAllowed(Roles.BACK_OFFICE)
    public ClearingMember reinstate(@PathParam("id") String id, @Valid @NotNull StatusChangeRequest request) {
        return members.reinstate(id, request.reason());
    }
}
