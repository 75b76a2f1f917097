package io.computeclearing.account.account;

import io.computeclearing.account.member.StatusChangeRequest;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;

/** Members' accounts: opened and suspended by the back office; seen by staff, and by a member for its own. */
@Path("/accounts")
public class AccountResource {

    public record OpenAccount(
            @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,19}", message = "must be 2-20 upper-case letters, digits or '-'") String id,
            @NotBlank String memberId,
            @NotNull Account.Type type,
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code") String baseCurrency) {
    }

    private final AccountService accounts;
    private final Caller caller;

    public AccountResource(AccountService accounts, Caller caller) {
        this.accounts = accounts;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.BACK_OFFICE)
    public Response open(@Valid @NotNull OpenAccount request) {
        Account account = accounts.open(request.id(), request.memberId(), request.type(), request.baseCurrency());
        return Response.created(URI.create("/accounts/" + account.id)).entity(account).build();
    }

    /** Staff see every account (or one member's with {@code memberId}); a member user only its own member's. */
    @GET
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public List<Account> list(@QueryParam("memberId") String memberId) {
        if (caller.seesAllMembers()) {
            return accounts.list(memberId);
        }
        return caller.memberId()
                .filter(own -> memberId == null || memberId.equals(own))
                .map(accounts::list)
                .orElse(List.of());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public Account get(@PathParam("id") String id) {
        return accounts.visibleTo(caller, id);
    }

    @POST
    @Path("/{id}/suspend")
    @RolesAllowed(Roles.BACK_OFFICE)
    public Account suspend(@PathParam("id") String id, @Valid @NotNull StatusChangeRequest request) {
        return accounts.suspend(id, request.reason());
    }

    @POST
    @Path("/{id}/reinstate")
    @RolesAllowed(Roles.BACK_OFFICE)
    public Account reinstate(@PathParam("id") String id, @Valid @NotNull StatusChangeRequest request) {
        return accounts.reinstate(id, request.reason());
    }
}
