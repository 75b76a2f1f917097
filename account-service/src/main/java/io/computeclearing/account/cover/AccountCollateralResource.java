package io.computeclearing.account.cover;

import io.computeclearing.account.account.Account;
import io.computeclearing.account.account.AccountService;
import io.computeclearing.account.ledger.CollateralLedger;
import io.computeclearing.account.requirement.MarginRequirements;
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

/**
 * What an account holds and owes: balances valued after haircuts against the margin requirement, the journal of
 * movements, the requirement itself and the latest cover assessment. Staff see every account; a member user only its own (404 otherwise).
 */
@Path("/accounts")
@RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
public class AccountCollateralResource {

    private final AccountService accounts;
    private final CollateralValuation valuation;
    private final CollateralLedger ledger;
    private final MarginRequirements requirements;
    private final CoverAssessments cover;
    private final Caller caller;

    public AccountCollateralResource(AccountService accounts, CollateralValuation valuation, CollateralLedger ledger,
                                     MarginRequirements requirements, CoverAssessments cover, Caller caller) {
        this.accounts = accounts;
        this.valuation = valuation;
        this.ledger = ledger;
        this.requirements = requirements;
        this.cover = cover;
        this.caller = caller;
    }

    /**
     * Per asset: quantity, market value, haircut, collateral value; then totals, requirement and excess in the base
     * currency. 422 {@code /problems/valuation-unavailable} if a price or FX rate it needs is missing.
     */
    @GET
    @Path("/{id}/balances")
    public CollateralValuation.Balances balances(@PathParam("id") String id) {
        Account account = accounts.visibleTo(caller, id);
        return valuation.balances(account);
    }

    /** The account's journal entries, newest first. */
    @GET
    @Path("/{id}/journal")
    public CollateralLedger.JournalPage journal(@PathParam("id") String id,
                                                @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        Account account = accounts.visibleTo(caller, id);
        return ledger.journal(account.id, page, size);
    }

    /** The latest requirement from margin-service, per currency; none (zero) until one was published. */
    @GET
    @Path("/{id}/margin-requirement")
    public MarginRequirements.Requirement marginRequirement(@PathParam("id") String id) {
        Account account = accounts.visibleTo(caller, id);
        return requirements.get(account.id);
    }

    /**
     * The account's latest cover assessment (collateral value after haircuts, requirement and excess in the base
     * currency), as published in CollateralAssessed; 404 {@code /problems/not-assessed} before the first one.
     */
    @GET
    @Path("/{id}/cover")
    public CoverAssessment cover(@PathParam("id") String id) {
        Account account = accounts.visibleTo(caller, id);
        return cover.latest(account);
    }
}
