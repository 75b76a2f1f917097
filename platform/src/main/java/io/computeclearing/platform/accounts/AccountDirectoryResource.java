package io.computeclearing.platform.accounts;

import io.computeclearing.platform.problem.ProblemException;
import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.util.List;
import java.util.Optional;

/**
 * The accounts this service knows from account-service, and whether each accepts business. Read-only: account-service
 * owns them. Staff see every account; a member user may read its own member's accounts one by one, and any other
 * answers 404.
 */
@Path("/accounts")
@IfBuildProperty(name = AccountDirectory.ENABLED, stringValue = "true")
public class AccountDirectoryResource {

    /** An account as this service knows it; {@code memberStatus} is null until the member's registration is seen. */
    public record AccountView(String id, String memberId, KnownAccount.AccountType accountType, String baseCurrency,
                              KnownAccount.Status status, KnownMember.Status memberStatus, boolean acceptsBusiness) {

        static AccountView of(KnownAccount account) {
            return new AccountView(account.id, account.memberId, account.accountType, account.baseCurrency,
                    account.status, account.memberStatus, account.acceptsBusiness());
        }
    }

    private final AccountDirectory directory;
    private final Caller caller;

    public AccountDirectoryResource(AccountDirectory directory, Caller caller) {
        this.directory = directory;
        this.caller = caller;
    }

    /** Every known account, or one member's with {@code memberId}. */
    @Operation(summary = "Accounts known from account-service",
            description = "Every account this service has learnt from account-service's events, or one member's with "
                    + "memberId, and whether each accepts business. Read-only: account-service owns them.")
    @GET
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN})
    public List<AccountView> list(@QueryParam("memberId") String memberId) {
        return directory.list(Optional.ofNullable(memberId)).stream().map(AccountView::of).toList();
    }

    @Operation(summary = "One account known from account-service",
            description = "The account as this service knows it and whether it accepts business. A member sees only "
                    + "its own member's accounts; another member's account answers 404, as if it did not exist.")
    @APIResponseSchema(value = AccountView.class, responseCode = "200", responseDescription = "The account")
    @APIResponse(responseCode = "404", description = "No account with this id, or another member's account")
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public AccountView get(@PathParam("id") String id) {
        KnownAccount account = directory.find(id).orElseThrow(() -> ProblemException.notFound("account", id));
        caller.requireAccess(account.memberId, "account", id);
        return AccountView.of(account);
    }
}
