package io.computeclearing.account.waterfall;

import io.computeclearing.platform.events.account.AccountEvents.DefaultWaterfallApplied;
import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The default waterfall of a defaulted member: applied by risk (the default manager) or an admin once the close-out
 * is complete, read by staff and by the defaulter's own users. Survivors see their share in their default fund
 * position and contribution call.
 */
@Path("/members/{memberId}/default-waterfall")
public class DefaultWaterfallResource {

    private static final String EXAMPLE = """
            {"defaultId": 51, "memberId": "DELTA", "currency": "USD", "loss": 1500.00,
             "defaulterCollateral": 300.00, "defaulterContribution": 400.00, "ccpTranche": 200.00,
             "survivorContributions": 600.00, "survivorAssessments": 0.00, "uncovered": 0.00,
             "survivors": [{"memberId": "ALPHA", "fromContribution": 400.00, "assessed": 0.00},
                           {"memberId": "BRAVO", "fromContribution": 200.00, "assessed": 0.00}],
             "otherCurrencies": [{"currency": "CNY", "amount": 710.00}],
             "entryIds": ["3f1d2c4e-8a7b-4c55-9e21-0b6f2a9d1e01", "5b7e9a10-2c3d-4e5f-8a9b-1c2d3e4f5a60"],
             "appliedBy": "risk-anna", "appliedAt": "2026-12-09T10:15:00Z"}""";

    private final DefaultWaterfalls waterfalls;
    private final Caller caller;

    public DefaultWaterfallResource(DefaultWaterfalls waterfalls, Caller caller) {
        this.waterfalls = waterfalls;
        this.caller = caller;
    }

    @Operation(summary = "Apply the default waterfall",
            description = "Covers a DEFAULTED member's close-out loss (what its accounts owe in the default fund's "
                    + "currency, USD, once default management has closed out its positions) layer by layer: its "
                    + "house accounts' cash, its default fund contribution, the CCP's tranche, the surviving "
                    + "members' contributions pro rata, then their assessments (each capped at "
                    + "ccp.default-fund.assessment-multiple x its contribution); to the cent, as journal entries "
                    + "through the CCP's transit book CCP_DEFAULT_LOSS into the accounts that owe. What no layer "
                    + "covers stays owed (uncovered); what is owed in other currencies is listed, not covered. Each "
                    + "survivor whose contribution fell below its requirement gets a contribution call for the "
                    + "difference. Once per default; publishes DefaultWaterfallApplied. Takes no body.")
    @APIResponse(responseCode = "201", description = "The waterfall applied",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DefaultWaterfallApplied.class), example = EXAMPLE))
    @APIResponse(responseCode = "404", description = "No member with this id")
    @APIResponse(responseCode = "409", description = "/problems/member-not-defaulted: member 'DELTA' is ACTIVE: the "
            + "default waterfall covers only a DEFAULTED member's close-out loss (or, /problems/close-out-incomplete: "
            + "an account of the member is still margined; /problems/waterfall-applied: the waterfall of this "
            + "default was applied before)")
    @POST
    @RolesAllowed({Roles.RISK, Roles.ADMIN})
    public Response apply(@PathParam("memberId") String memberId) {
        return Response.status(Response.Status.CREATED)
                .entity(waterfalls.apply(memberId, caller.name()))
                .build();
    }

    @Operation(summary = "A defaulted member's default waterfall",
            description = "The waterfall applied for the member's default: the loss, what each layer bore, each "
                    + "survivor's share, what stayed uncovered, what is owed in other currencies and the journal "
                    + "entries. A member sees only its own member's waterfall; another member answers 404, as if it "
                    + "did not exist (a survivor sees its share in its default fund position).")
    @APIResponse(responseCode = "200", description = "The waterfall",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DefaultWaterfallApplied.class), example = EXAMPLE))
    @APIResponse(responseCode = "404", description = "No member with this id, another member, or no waterfall "
            + "applied yet")
    @GET
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public DefaultWaterfallApplied get(@PathParam("memberId") String memberId) {
        caller.requireAccess(memberId, "member", memberId);
        return waterfalls.get(memberId);
    }
}
