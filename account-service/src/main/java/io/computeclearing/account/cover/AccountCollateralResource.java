package io.computeclearing.account.cover;

import io.computeclearing.account.account.Account;
import io.computeclearing.account.account.AccountService;
import io.computeclearing.account.cycle.SettlementCycleView;
import io.computeclearing.account.cycle.SettlementCycles;
import io.computeclearing.account.ledger.CollateralLedger;
import io.computeclearing.account.requirement.MarginRequirements;
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

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

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
    private final SettlementCycles cycles;
    private final Caller caller;

    public AccountCollateralResource(AccountService accounts, CollateralValuation valuation, CollateralLedger ledger,
                                     MarginRequirements requirements, CoverAssessments cover,
                                     SettlementCycles cycles, Caller caller) {
        this.accounts = accounts;
        this.valuation = valuation;
        this.ledger = ledger;
        this.requirements = requirements;
        this.cover = cover;
        this.cycles = cycles;
        this.caller = caller;
    }

    /**
     * Per asset: quantity, market value, haircut, collateral value; then totals, requirement and excess in the base
     * currency. 422 {@code /problems/valuation-unavailable} if a price or FX rate it needs is missing.
     */
    @Operation(summary = "An account's collateral balances",
            description = "Per asset: quantity, market value, haircut and collateral value; then totals, requirement "
                    + "and excess in the base currency. A member sees only its "
                    + "own member's accounts; another member's account answers 404, as if it did not exist.")
    @APIResponseSchema(value = CollateralValuation.Balances.class, responseCode = "200",
            responseDescription = "The balances")
    @APIResponse(responseCode = "404", description = "No account with this id, or another member's account")
    @APIResponse(responseCode = "422", description = "/problems/valuation-unavailable: a price or FX rate the "
            + "valuation needs is missing")
    @GET
    @Path("/{id}/balances")
    public CollateralValuation.Balances balances(@PathParam("id") String id) {
        Account account = accounts.visibleTo(caller, id);
        return valuation.balances(account);
    }

    /** The account's journal entries, newest first. */
    @Operation(summary = "An account's journal",
            description = "The account's journal entries (deposits, withdrawals, variation margin, final settlement, "
                    + "collateral ported out of or into it with a client account in default management, a default "
                    + "waterfall taking a defaulter's house cash or covering what an account owes), newest first. "
                    + "A member sees only its "
                    + "own member's accounts; another member's account answers 404, as if it did not exist.")
    @APIResponseSchema(value = CollateralLedger.JournalPage.class, responseCode = "200",
            responseDescription = "A page of entries")
    @APIResponse(responseCode = "404", description = "No account with this id, or another member's account")
    @GET
    @Path("/{id}/journal")
    public CollateralLedger.JournalPage journal(@PathParam("id") String id,
                                                @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                                @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        Account account = accounts.visibleTo(caller, id);
        return ledger.journal(account.id, page, size);
    }

    /** The latest requirement from margin-service, per currency; none (zero) until one was published. */
    @Operation(summary = "An account's margin requirement",
            description = "The latest requirement from margin-service, per currency; none (zero) until one was "
                    + "published. A member sees only its "
                    + "own member's accounts; another member's account answers 404, as if it did not exist.")
    @APIResponseSchema(value = MarginRequirements.Requirement.class, responseCode = "200",
            responseDescription = "The requirement")
    @APIResponse(responseCode = "404", description = "No account with this id, or another member's account")
    @GET
    @Path("/{id}/margin-requirement")
    public MarginRequirements.Requirement marginRequirement(@PathParam("id") String id) {
        Account account = accounts.visibleTo(caller, id);
        return requirements.get(account.id);
    }

    /** The account's settlement cycles, newest first: the snapshot each margin call decision was taken on. */
    @Operation(summary = "An account's settlement cycles",
            description = "Per settlement cycle, newest first: when the account's postings were booked, its initial "
                    + "margin at the cycle's prices, and the snapshot the margin call decision was taken on "
                    + "(requirement, collateral value after the cycle's postings, excess, the call). A cycle is "
                    + "PENDING until both have arrived, then CALLED or COVERED; SUPERSEDED if a later cycle closed "
                    + "first. A member sees only its own member's accounts; another member's account answers 404.")
    @APIResponse(responseCode = "200", description = "A page of cycles", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = SettlementCycleView.class)))
    @APIResponse(responseCode = "404", description = "No account with this id, or another member's account")
    @GET
    @Path("/{id}/settlement-cycles")
    public List<SettlementCycleView> settlementCycles(
            @PathParam("id") String id,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        Account account = accounts.visibleTo(caller, id);
        return cycles.ofAccount(account.id, page, size);
    }

    /**
     * The account's latest cover assessment (collateral value after haircuts, requirement and excess in the base
     * currency), as published in CollateralAssessed; 404 {@code /problems/not-assessed} before the first one.
     */
    @Operation(summary = "An account's cover assessment",
            description = "The latest cover assessment (collateral value after haircuts, requirement and excess in the "
                    + "base currency), as published in CollateralAssessed. A member sees only its "
                    + "own member's accounts; another member's account answers 404, as if it did not exist.")
    @APIResponseSchema(value = CoverAssessment.class, responseCode = "200", responseDescription = "The assessment")
    @APIResponse(responseCode = "404", description = "No account with this id, or another member's account (or, "
            + "/problems/not-assessed, no assessment yet)")
    @GET
    @Path("/{id}/cover")
    public CoverAssessment cover(@PathParam("id") String id) {
        Account account = accounts.visibleTo(caller, id);
        return cover.latest(account);
    }
}
