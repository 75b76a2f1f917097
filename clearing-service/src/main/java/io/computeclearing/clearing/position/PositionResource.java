package io.computeclearing.clearing.position;

import io.computeclearing.clearing.account.VisibleAccounts;
import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.LocalDate;
import java.util.List;

/** Positions per account and instrument, and open interest per instrument. */
@Path("/")
public class PositionResource {

    private final PositionQueries queries;
    private final VisibleAccounts visible;

    public PositionResource(PositionQueries queries, VisibleAccounts visible) {
        this.queries = queries;
        this.visible = visible;
    }

    /**
     * Current positions, or with {@code businessDate} the positions as at the end of that date. A member user sees
     * only its own member's accounts; another member's account reads as empty.
     */
    @Operation(summary = "Positions",
            description = "Current positions per account and instrument, or with businessDate the positions as at the "
                    + "end of that date. A member sees only its own member's accounts; another member's account reads "
                    + "as empty (an empty list, not its positions).")
    @GET
    @Path("/positions")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public List<PositionView> positions(@QueryParam("accountId") String accountId,
                                        @QueryParam("instrumentId") String instrumentId,
                                        @QueryParam("businessDate") LocalDate businessDate) {
        VisibleAccounts.Scope scope = visible.scope(accountId);
        return businessDate == null ? queries.current(scope, accountId, instrumentId)
                : queries.asAt(scope, accountId, instrumentId, businessDate);
    }

    /** Per instrument: total long, total short and the sum of all nets, which novation keeps at zero. */
    @Operation(summary = "Open interest",
            description = "Per instrument: total long, total short and the sum of all nets, which novation keeps at "
                    + "zero.")
    @GET
    @Path("/open-interest")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN})
    public List<OpenInterestView> openInterest(@QueryParam("instrumentId") String instrumentId) {
        return queries.openInterest(instrumentId);
    }
}
