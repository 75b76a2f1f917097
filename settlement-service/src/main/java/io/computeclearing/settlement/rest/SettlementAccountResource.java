package io.computeclearing.settlement.rest;

import io.computeclearing.settlement.SettlementAccount;
import io.computeclearing.settlement.service.SettlementAccountService;
import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.List;

/**
 * The accounts settlement-service posts cash flows to and issues statements for. Read-only: account-service owns
 * them.
 */
@Path("/accounts")
public class SettlementAccountResource {

    private final SettlementAccountService accounts;
    private final Caller caller;

    public SettlementAccountResource(SettlementAccountService accounts, Caller caller) {
        this.accounts = accounts;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN})
    public List<SettlementAccount> list() {
        return accounts.list();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public SettlementAccount get(@PathParam("id") String id) {
        SettlementAccount account = accounts.get(id);
        caller.requireAccess(account.memberId, "account", id);
        return account;
    }
}
