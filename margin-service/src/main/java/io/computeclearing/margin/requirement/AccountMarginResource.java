package io.computeclearing.margin.requirement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.computeclearing.platform.accounts.AccountDirectory;
import io.computeclearing.platform.accounts.KnownAccount;
import io.computeclearing.platform.problem.ProblemException;
import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An account's last margin requirement, per currency, with its SPAN breakdown per combined commodity. */
@Path("/margin/accounts")
public class AccountMarginResource {

    /**
     * The requirement in one currency; {@code breakdown} is what {@code MarginRequirementCalculated} published for
     * it (one charge line per combined commodity, scale 2), {@code commodities} the engine's exact figures behind it
     * (unrounded, with the 16 scenario losses). A client omnibus account shows each family twice, as
     * {@code FAMILY:LONG} and {@code FAMILY:SHORT}.
     */
    public record CurrencyMarginView(String currency, BigDecimal initialMargin, BigDecimal maintenanceMargin,
                                     JsonNode breakdown, JsonNode commodities) {
    }

    public record AccountMarginView(String accountId, Instant calculatedAt, List<CurrencyMarginView> requirements) {
    }

    private final AccountDirectory directory;
    private final Caller caller;
    private final ObjectMapper json;

    public AccountMarginResource(AccountDirectory directory, Caller caller, ObjectMapper json) {
        this.directory = directory;
        this.caller = caller;
        this.json = json;
    }

    /**
     * Staff see any account; a member user only its own member's accounts in the account directory, any other is 404.
     */
    @Operation(summary = "An account's margin requirement",
            description = "The last requirement per currency with its SPAN breakdown per combined commodity. A member "
                    + "sees only its own member's accounts; another member's account answers 404, as if it did not "
                    + "exist.")
    @APIResponseSchema(value = AccountMarginView.class, responseCode = "200",
            responseDescription = "The requirement per currency")
    @APIResponse(responseCode = "404", description = "No margin for this account, or another member's account")
    @GET
    @Path("/{accountId}")
    @RolesAllowed({Roles.RISK, Roles.BACK_OFFICE, Roles.ADMIN, Roles.MEMBER})
    @Transactional(Transactional.TxType.SUPPORTS)
    public AccountMarginView get(@PathParam("accountId") String accountId) {
        Optional<KnownAccount> account = directory.find(accountId);
        if (account.isPresent()) {
            caller.requireAccess(account.get().memberId, "margin of account", accountId);
        } else if (!caller.seesAllMembers()) {
            throw ProblemException.notFound("margin of account", accountId);
        }
        List<AccountMargin> rows = AccountMargin.ofAccount(accountId);
        if (rows.isEmpty() && account.isEmpty()) {
            throw ProblemException.notFound("margin of account", accountId);
        }
        Instant calculatedAt = rows.stream().map(r -> r.calculatedAt).findFirst().orElse(null);
        return new AccountMarginView(accountId, calculatedAt, rows.stream().map(this::view).toList());
    }

    private CurrencyMarginView view(AccountMargin row) {
        try {
            // Exact decimals: the published amounts keep their scale 2 (3900.00, not 3900).
            var reader = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .with(JsonNodeFactory.withExactBigDecimals(true));
            return new CurrencyMarginView(row.currency, row.initialMargin, row.maintenanceMargin,
                    reader.readTree(row.charges), reader.readTree(row.breakdown));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored margin breakdown of " + row.accountId + " is not JSON", e);
        }
    }
}
