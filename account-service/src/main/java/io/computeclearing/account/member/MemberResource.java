package io.computeclearing.account.member;

import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.util.List;

@Path("/members")
public class MemberResource {

    public record RegisterMember(
            @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,19}", message = "must be 2-20 upper-case letters, digits or '-'") String id,
            @NotBlank String legalName,
            @NotBlank @Pattern(regexp = "[A-Z0-9]{18}[0-9]{2}", message = "must be a 20-character ISO 17442 LEI") String lei,
            @NotNull ClearingMember.MembershipType membershipType) {
    }

    private final MemberService members;
    private final Caller caller;

    public MemberResource(MemberService members, Caller caller) {
        this.members = members;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.BACK_OFFICE)
    public Response register(@Valid @NotNull RegisterMember request) {
        ClearingMember member = members.register(request.id(), request.legalName(), request.lei(), request.membershipType());
        return Response.status(Response.Status.CREATED).entity(member).build();
    }

    @GET
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN})
    public List<ClearingMember> list() {
        return members.list();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public ClearingMember get(@PathParam("id") String id) {
        caller.requireAccess(id, "member", id);
        return members.get(id);
    }

    @POST
    @Path("/{id}/suspend")
    @RolesAllowed(Roles.BACK_OFFICE)
    public ClearingMember suspend(@PathParam("id") String id, @Valid @NotNull StatusChangeRequest request) {
        return members.suspend(id, request.reason());
    }

    @POST
    @Path("/{id}/reinstate")
    @RolesAllowed(Roles.BACK_OFFICE)
    public ClearingMember reinstate(@PathParam("id") String id, @Valid @NotNull StatusChangeRequest request) {
        return members.reinstate(id, request.reason());
    }
}
