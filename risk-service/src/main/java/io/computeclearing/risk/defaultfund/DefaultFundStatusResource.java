package io.computeclearing.risk.defaultfund;

import io.computeclearing.platform.security.Roles;
import io.computeclearing.risk.defaultfund.DefaultFundViews.FundStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/** The default fund in force, its latest shortfall and the CCP's own capital beside it. */
@Path("/default-fund-status")
public class DefaultFundStatusResource {

    private final DefaultFundQueries queries;

    public DefaultFundStatusResource(DefaultFundQueries queries) {
        this.queries = queries;
    }

    @Operation(summary = "The default fund in force",
            description = "The latest sizing (null before the first), the latest daily run whose Cover-2 exceeded "
                    + "it (null when it covers every daily run since) with the resize it led to, and the CCP's own "
                    + "tranche (ccp.default-fund.ccp-tranche), which absorbs a loss before the surviving members' "
                    + "contributions: as configured, drawn by default waterfalls, and left.")
    @APIResponseSchema(value = FundStatus.class, responseCode = "200", responseDescription = "The fund in force")
    @GET
    @RolesAllowed({Roles.RISK, Roles.BACK_OFFICE})
    public FundStatus status() {
        return queries.status();
    }
}
