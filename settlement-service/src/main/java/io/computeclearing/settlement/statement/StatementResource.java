package io.computeclearing.settlement.statement;

import io.computeclearing.platform.accounts.AccountDirectory;
import io.computeclearing.platform.problem.ProblemException;
import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import io.computeclearing.settlement.run.IntradayCycles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.LocalDate;
import java.util.List;

/**
 * Daily statements per account, as JSON or as CSV ({@code Accept: text/csv} or {@code ?format=csv}). A member user
 * reads only its own member's accounts; any other account is 404, as if it did not exist.
 */
@Path("/statements")
public class StatementResource {

    static final String CSV = "text/csv";

    private final StatementSnapshots statements;
    private final AccountDirectory directory;
    private final IntradayCycles cycles;
    private final Caller caller;

    public StatementResource(StatementSnapshots statements, AccountDirectory directory, IntradayCycles cycles,
                             Caller caller) {
        this.statements = statements;
        this.directory = directory;
        this.cycles = cycles;
        this.caller = caller;
    }

    @Operation(summary = "An account's daily statement",
            description = "Positions, prices, variation margin, final settlement cash and margin of the account for "
                    + "the business date, as JSON or as CSV (Accept: text/csv or format=csv). A member sees only its "
                    + "own member's accounts; another member's account answers 404, as if it did not exist.")
    @APIResponse(responseCode = "200", description = "The statement", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountStatement.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "/problems/validation: format: must be csv or json")
    @APIResponse(responseCode = "404", description = "No statement of this account for this date, or another member's "
            + "account")
    @GET
    @Path("/{accountId}/{businessDate}")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public Response statement(@PathParam("accountId") String accountId,
                              @PathParam("businessDate") LocalDate businessDate,
                              @QueryParam("format") String format, @Context HttpHeaders headers) {
        String what = "Statement of account";
        String id = accountId + " for " + businessDate;
        requireVisible(accountId, what, id);
        AccountStatement statement = statements.find(accountId, businessDate)
                .orElseThrow(() -> ProblemException.notFound(what, id));
        if (wantsCsv(format, headers)) {
            return Response.ok(StatementCsv.of(statement), CSV)
                    .header("Content-Disposition", "attachment; filename=\"statement-" + accountId + "-"
                            + businessDate + ".csv\"")
                    .build();
        }
        return Response.ok(statement, MediaType.APPLICATION_JSON).build();
    }

    @Operation(summary = "An account's intraday cycles of a date",
            description = "The account's posting in each intraday settlement cycle of the business date so far, in "
                    + "order: per instrument the position at the start of the cycle, the previous and the cycle's "
                    + "price, and the variation margin; readable during the day, before the end-of-day statement "
                    + "(which repeats them). A member sees only its own member's accounts; another member's account "
                    + "answers 404, as if it did not exist.")
    @APIResponse(responseCode = "200", description = "The cycle postings", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = AccountStatement.CyclePosting.class)))
    @APIResponse(responseCode = "404", description = "No such account, or another member's account")
    @GET
    @Path("/{accountId}/{businessDate}/cycles")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public List<AccountStatement.CyclePosting> cycles(@PathParam("accountId") String accountId,
                                                      @PathParam("businessDate") LocalDate businessDate) {
        requireVisible(accountId, "Account", accountId);
        return cycles.postingsOf(accountId, businessDate);
    }

    /** A member user sees only its own member's accounts: any other is 404, as if it did not exist. */
    private void requireVisible(String accountId, String what, String id) {
        if (!caller.seesAllMembers()) {
            String member = directory.find(accountId).map(a -> a.memberId).orElse(null);
            if (member == null) {
                throw ProblemException.notFound(what, id);
            }
            caller.requireAccess(member, what, id);
        }
    }

    private static boolean wantsCsv(String format, HttpHeaders headers) {
        if (format != null) {
            if ("csv".equalsIgnoreCase(format)) {
                return true;
            }
            if ("json".equalsIgnoreCase(format)) {
                return false;
            }
            throw ProblemException.invalid("format", "must be csv or json");
        }
        return headers.getAcceptableMediaTypes().stream().findFirst()
                .map(type -> type.isCompatible(MediaType.valueOf(CSV)) && !type.isWildcardType())
                .orElse(false);
    }
}
