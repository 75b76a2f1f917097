package io.computeclearing.settlement.statement;

import io.computeclearing.platform.accounts.AccountDirectory;
import io.computeclearing.platform.problem.ProblemException;
import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
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

import java.time.LocalDate;

/**
 * Daily statements per account, as JSON or as CSV ({@code Accept: text/csv} or {@code ?format=csv}). A member user
 * reads only its own member's accounts; any other account is 404, as if it did not exist.
 */
@Path("/statements")
public class StatementResource {

    static final String CSV = "text/csv";

    private final StatementSnapshots statements;
    private final AccountDirectory directory;
    private final Caller caller;

    public StatementResource(StatementSnapshots statements, AccountDirectory directory, Caller caller) {
        this.statements = statements;
        this.directory = directory;
        this.caller = caller;
    }

    @GET
    @Path("/{accountId}/{businessDate}")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public Response statement(@PathParam("accountId") String accountId,
                              @PathParam("businessDate") LocalDate businessDate,
                              @QueryParam("format") String format, @Context HttpHeaders headers) {
        String what = "Statement of account";
        String id = accountId + " for " + businessDate;
        if (!caller.seesAllMembers()) {
            String member = directory.find(accountId).map(a -> a.memberId).orElse(null);
            if (member == null) {
                throw ProblemException.notFound(what, id);
            }
            caller.requireAccess(member, what, id);
        }
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
