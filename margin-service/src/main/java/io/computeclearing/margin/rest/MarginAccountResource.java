package io.computeclearing.margin.rest;

import io.computeclearing.margin.MarginAccount;
import io.computeclearing.margin.service.MarginAccountService;
import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.List;

/** The accounts margin-service computes requirements for. Read-only: account-service owns them. */
@Path("/accounts")
public class MarginAccountResource {

    private final MarginAccountService accounts;
    private final Caller caller;

    public MarginAccountResource(MarginAccountService accounts, Caller caller) {
        this.accounts = accounts;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.RISK, Roles.BACK_OFFICE, Roles.ADMIN})
    public List<MarginAccount> list() {
        return accounts.list();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.RISK, Roles.BACK_OFFICE, Roles.ADMIN, Roles.MEMBER})
    public MarginAccount get(@PathParam("id") String id) {
        MarginAccount account = accounts.get(id);
        caller.requireAccess(account.memberId, "account", id);
        return account;
    }
}
