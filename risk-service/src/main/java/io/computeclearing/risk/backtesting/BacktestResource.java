package io.computeclearing.risk.backtesting;

import io.computeclearing.platform.problem.ProblemException;
import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import io.computeclearing.risk.backtesting.BacktestViews.AccountBacktest;
import io.computeclearing.risk.backtesting.BacktestViews.BacktestReport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/**
 * Margin backtesting: risk and the back office read the report for the whole CCP and every product family (JSON or
 * CSV); a member reads its own accounts' backtests. The observations follow each end of day by themselves
 * ({@link WaitingBacktests}).
 */
@Path("/backtests")
public class BacktestResource {

    static final String CSV = "text/csv";

    private final BacktestQueries queries;
    private final Caller caller;

    public BacktestResource(BacktestQueries queries, Caller caller) {
        this.queries = queries;
        this.caller = caller;
    }

    @Operation(summary = "The backtesting report",
            description = "Per holding period (1 and 2 end-of-day runs) the backtest of the whole CCP and of every "
                    + "product family over the latest 250 business dates: observations (account-days), "
                    + "exceedances (a loss larger than the margin held), coverage, Kupiec's p-value and the traffic "
                    + "light, as JSON or as CSV (Accept: text/csv).")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BacktestReport.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING), example = BacktestCsv.HEADER
                    + "\r\nCCP,,1,USD,2026-01-02,2026-12-04,5000,12,50.0,0.9976,40.1,2.3E-10,GREEN,1250.00\r\n")})
    @APIResponse(responseCode = "400", description = "/problems/validation: holdingDays: must be less than or "
            + "equal to 2")
    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Roles.RISK, Roles.BACK_OFFICE})
    public Response report(@QueryParam("holdingDays") @Min(1) @Max(2) Integer holdingDays,
                           @Context HttpHeaders headers) {
        BacktestReport report = queries.report(holdingDays);
        if (wantsCsv(headers)) {
            return Response.ok(BacktestCsv.of(report), CSV)
                    .header("Content-Disposition", "attachment; filename=\"backtests.csv\"").build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    @Operation(summary = "An account's backtest",
            description = "Per holding period the account's backtest over its latest 250 observations, and each "
                    + "observation: the initial margin held at the start, the realised profit and loss of the "
                    + "positions then held (in USD, and per product family exact in its currency), exceedance or "
                    + "not. A member sees only its own member's accounts; another member's account answers 404, as "
                    + "if it did not exist.")
    @APIResponseSchema(value = AccountBacktest.class, responseCode = "200",
            responseDescription = "The account's backtest")
    @APIResponse(responseCode = "404", description = "No observation of this account yet, or another member's account")
    @GET
    @Path("/accounts/{accountId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RISK, Roles.BACK_OFFICE, Roles.MEMBER})
    public AccountBacktest account(@PathParam("accountId") String accountId) {
        String what = "backtest of account";
        if (!caller.seesAllMembers()) {
            String member = queries.memberOf(accountId).orElseThrow(() -> ProblemException.notFound(what, accountId));
            caller.requireAccess(member, what, accountId);
        }
        return queries.account(accountId).orElseThrow(() -> ProblemException.notFound(what, accountId));
    }

    private static boolean wantsCsv(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream().findFirst()
                .map(type -> type.isCompatible(MediaType.valueOf(CSV)) && !type.isWildcardType())
                .orElse(false);
    }
}
