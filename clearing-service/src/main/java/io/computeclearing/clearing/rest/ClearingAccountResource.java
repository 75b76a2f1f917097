package io.computeclearing.clearing.rest;

import io.computeclearing.clearing.ClearingAccount;
import io.computeclearing.clearing.service.ClearingAccountService;
import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.List;

/** The accounts clearing-service knows, and whether each accepts trades. Read-only: account-service owns them. */
@Path("/accounts")
public class ClearingAccountResource {

    private final ClearingAccountService accounts;
    private final Caller caller;

    public ClearingAccountResource(ClearingAccountService accounts, Caller caller) {
        this.accounts = accounts;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN})
    public List<ClearingAccount> list() {
        return accounts.list();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public ClearingAccount get(@PathParam("id") String id) {
        ClearingAccount account = accounts.get(id);
        caller.requireAccess(account.memberId, "account", id);
        return account;
    }
}
