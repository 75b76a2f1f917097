package io.computeclearing.margin.whatif;

import io.computeclearing.margin.position.AccountPosition;
import io.computeclearing.platform.accounts.AccountDirectory;
import io.computeclearing.platform.accounts.KnownAccount;
import io.computeclearing.platform.problem.Problem;
import io.computeclearing.platform.problem.ProblemException;
import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.util.List;
import java.util.Optional;

/**
 * What-if margin (like CME CORE): the requirement an account would have after some trades, or the requirement of a
 * portfolio of the caller's own. Computed with the parameters and prices in force; nothing is stored or published.
 */
@Path("/margin/what-if")
public class WhatIfResource {

    private final WhatIfMargining whatIf;
    private final AccountDirectory directory;
    private final Caller caller;

    public WhatIfResource(WhatIfMargining whatIf, AccountDirectory directory, Caller caller) {
        this.whatIf = whatIf;
        this.directory = directory;
        this.caller = caller;
    }

    /**
     * Either {@code {accountId, trades}}: risk and back office for any account, a member user for its own member's
     * accounts only (any other is 404); or {@code {portfolio, accountType, baseCurrency}}, for any of those roles.
     * Invalid input is a 422 problem naming each field.
     */
    @Operation(summary = "What-if margin",
            description = "The requirement an account would have after some trades ({accountId, trades}), or the "
                    + "requirement of a portfolio ({portfolio, accountType, baseCurrency}), with the parameters and "
                    + "prices in force; nothing is stored. A member sees only its own member's accounts: another "
                    + "member's accountId answers 404; a portfolio holds no member's data.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"accountId": "ALPHA-H", "trades": [{"instrumentId": "GH100-202612", "side": "BUY", "quantity": 10}]}"""))
    @APIResponseSchema(value = WhatIfMargin.class, responseCode = "200",
            responseDescription = "The requirement before, after and the change, per currency")
    @APIResponse(responseCode = "400", description = "/problems/validation: more than 1000 trades or holdings (the"
            + " maximum size of a what-if)")
    @APIResponse(responseCode = "404", description = "No such account, or another member's account")
    @APIResponse(responseCode = "422", description = "/problems/what-if-invalid: give either an accountId with trades, "
            + "or a portfolio with accountType and baseCurrency; each invalid field (an unlisted instrument, a side "
            + "other than BUY or SELL, a quantity not from 1 to 1,000,000,000) is named in violations")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RISK, Roles.BACK_OFFICE, Roles.MEMBER})
    @Transactional(Transactional.TxType.SUPPORTS)
    public WhatIfMargin compute(WhatIfRequest request) {
        if (request == null || request.isAccountQuery() == request.isPortfolioQuery()) {
            throw new ProblemException(422, WhatIfValidation.INVALID, "What-if margin refused",
                    "Give either an accountId with trades, or a portfolio with accountType and baseCurrency.",
                    List.of(new Problem.Violation("body", "either accountId and trades, or portfolio, accountType"
                            + " and baseCurrency")));
        }
        WhatIfValidation.size(request);
        if (request.isPortfolioQuery()) {
            return whatIf.ofPortfolio(request.portfolio(), request.accountType(), request.baseCurrency());
        }
        if (request.accountId() == null || request.accountId().isBlank()) {
            throw new ProblemException(422, WhatIfValidation.INVALID, "What-if margin refused",
                    "accountId: the account to add the trades to is required.",
                    List.of(new Problem.Violation("accountId", "is required")));
        }
        return whatIf.withTrades(request.accountId(), visibleAccount(request.accountId()), request.trades());
    }

    /** The account as the directory knows it (null if it only has positions); 404 if the caller may not see it. */
    private KnownAccount visibleAccount(String accountId) {
        Optional<KnownAccount> account = directory.find(accountId);
        if (account.isPresent()) {
            caller.requireAccess(account.get().memberId, "account", accountId);
            return account.get();
        }
        if (!caller.seesAllMembers() || AccountPosition.count("accountId", accountId) == 0) {
            throw ProblemException.notFound("account", accountId);
        }
        return null;
    }
}
