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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.net.URI;
import java.util.List;

/** Members' accounts: opened and suspended by the back office; seen by staff, and by a member for its own. */
@Path("/accounts")
public class AccountResource {

    public record OpenAccount(
            @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,19}", message = "must be 2-20 upper-case letters, digits or '-'") String id,
            @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,19}", message = "must be 2-20 upper-case letters, digits or '-'") String memberId,
            @NotNull Account.Type type,
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code") String baseCurrency) {
    }

    private final AccountService accounts;
    private final Caller caller;

    public AccountResource(AccountService accounts, Caller caller) {
        this.accounts = accounts;
        this.caller = caller;
    }

    @Operation(summary = "Open an account",
            description = "Opens an account of an active member, in its base currency.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"id": "ALPHA-H", "memberId": "ALPHA", "type": "HOUSE", "baseCurrency": "USD"}"""))
    @APIResponse(responseCode = "201", description = "The account, opened",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Account.class)))
    @APIResponse(responseCode = "409", description = "/problems/account-exists: an account with this id already exists "
            + "(or /problems/member-defaulted: the member is DEFAULTED)")
    @APIResponse(responseCode = "422", description = "/problems/unknown-member: the member is not registered (or, "
            + "/problems/member-not-active, it is suspended)")
    @POST
    @RolesAllowed(Roles.BACK_OFFICE)
    public Response open(@Valid @NotNull OpenAccount request) {
        Account account = accounts.open(request.id(), request.memberId(), request.type(), request.baseCurrency());
        return Response.created(URI.create("/accounts/" + account.id)).entity(account).build();
    }

    /** Staff see every account (or one member's with {@code memberId}); a member user only its own member's. */
    @Operation(summary = "Accounts",
            description = "Every account, or one member's with memberId. A member sees only its own member's accounts; "
                    + "asking for another member's gives an empty list.")
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

    @Operation(summary = "An account",
            description = "One account. A member sees only its own member's accounts; another member's account answers "
                    + "404, as if it did not exist.")
    @APIResponseSchema(value = Account.class, responseCode = "200", responseDescription = "The account")
    @APIResponse(responseCode = "404", description = "No account with this id, or another member's account")
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public Account get(@PathParam("id") String id) {
        return accounts.visibleTo(caller, id);
    }

    @Operation(summary = "Suspend an account",
            description = "The account accepts no new business and no withdrawals until it is reinstated.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"reason": "client under investigation"}"""))
    @APIResponseSchema(value = Account.class, responseCode = "200", responseDescription = "The account, SUSPENDED")
    @APIResponse(responseCode = "404", description = "No account with this id")
    @APIResponse(responseCode = "409", description = "/problems/illegal-status-transition: the account is already "
            + "suspended")
    @POST
    @Path("/{id}/suspend")
    @RolesAllowed(Roles.BACK_OFFICE)
    public Account suspend(@PathParam("id") String id, @Valid @NotNull StatusChangeRequest request) {
        return accounts.suspend(id, request.reason());
    }

    @Operation(summary = "Reinstate an account",
            description = "A suspended account becomes ACTIVE again.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"reason": "investigation closed"}"""))
    @APIResponseSchema(value = Account.class, responseCode = "200", responseDescription = "The account, ACTIVE")
    @APIResponse(responseCode = "404", description = "No account with this id")
    @APIResponse(responseCode = "409", description = "/problems/illegal-status-transition: the account is not "
            + "suspended")
    @POST
    @Path("/{id}/reinstate")
    @RolesAllowed(Roles.BACK_OFFICE)
    public Account reinstate(@PathParam("id") String id, @Valid @NotNull StatusChangeRequest request) {
        return accounts.reinstate(id, request.reason());
    }
}
