package io.computeclearing.risk.defaults;

import io.computeclearing.platform.problem.EnumFilter;
import io.computeclearing.platform.problem.ProblemException;
import io.computeclearing.platform.rest.Paging;
import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Default cases: the default manager (risk, or admin) proposes a member's default, a second person approves it or
 * anyone of them withdraws it first; the back office reads them. Members do not read default cases: a member learns
 * its own status from account-service.
 */
@Path("/defaults")
public class DefaultCaseResource {

    /** A member id as account-service registers it. */
    private static final String MEMBER_ID = PortingOfferResource.ID;
    private static final String MEMBER_ID_RULE = PortingOfferResource.ID_RULE;

    /** A proposal: whose default, why, and what the approver needs to know. */
    public record Proposal(
            @NotNull @Pattern(regexp = MEMBER_ID, message = MEMBER_ID_RULE) String memberId,
            @NotNull DefaultReason reason,
            @NotBlank @Size(max = 500) String detail) {
    }

    /** Why a proposal is withdrawn. */
    public record Withdrawal(@NotBlank @Size(max = 500) String why) {
    }

    /** A default case as the API answers it. */
    public record View(long defaultId, String memberId, DefaultReason reason, String detail, String callId,
                       DefaultCase.Status status, String proposedBy, Instant proposedAt, String decidedBy,
                       Instant decidedAt, String withdrawalReason) {

        static View of(DefaultCase c) {
            return new View(c.defaultId, c.memberId, c.reason, c.detail, c.callId, c.status, c.proposedBy,
                    c.proposedAt, c.decidedBy, c.decidedAt, c.withdrawalReason);
        }
    }

    private final DefaultCases cases;
    private final DefaultTransfers transfers;
    private final DefaultReports reports;
    private final Caller caller;

    public DefaultCaseResource(DefaultCases cases, DefaultTransfers transfers, DefaultReports reports,
                               Caller caller) {
        this.cases = cases;
        this.transfers = transfers;
        this.reports = reports;
        this.caller = caller;
    }

    @Operation(summary = "Propose a member's default",
            description = "Records a proposal that the member is in default, with the reason (MISSED_MARGIN_CALL, "
                    + "MISSED_CONTRIBUTION_CALL, INSOLVENCY or REGULATOR) and a detail for the approver, and "
                    + "publishes DefaultProposed. Nothing changes for the member until a second user approves it. "
                    + "An escalated margin or contribution call proposes by itself (proposedBy risk-service). "
                    + "Refused requests write nothing.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"memberId": "BRAVO", "reason": "INSOLVENCY", "detail": "administrators appointed 09:12 CET"}"""))
    @APIResponse(responseCode = "201", description = "The proposal, PROPOSED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "400", description = "/problems/validation: reason: must not be null")
    @APIResponse(responseCode = "404", description = "No member with this id is known to risk-service")
    @APIResponse(responseCode = "409", description = "/problems/default-already-proposed: member BRAVO has default "
            + "case 4, PROPOSED (or /problems/member-in-default)")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RISK, Roles.ADMIN})
    public Response propose(@Valid @NotNull Proposal proposal) {
        DefaultCase c = cases.propose(proposal.memberId(), proposal.reason(), proposal.detail(), caller.name());
        return Response.created(URI.create("/defaults/" + c.defaultId)).entity(View.of(c)).build();
    }

    @Operation(summary = "Approve a default proposal",
            description = "A second user, not the one who proposed it, approves: the member is in default "
                    + "(DECLARED) and MemberDefaultDeclared is published; account-service marks the member "
                    + "DEFAULTED, so its accounts take no new trades, give-ups or withdrawals. Refused requests "
                    + "write nothing.")
    @APIResponse(responseCode = "200", description = "The case, DECLARED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "404", description = "No default case with this id")
    @APIResponse(responseCode = "409", description = "/problems/four-eyes: default case 4 was proposed by rita: "
            + "another user with the risk or admin role must approve it (or /problems/default-not-proposed)")
    @POST
    @Path("/{defaultId}/approval")
    @RolesAllowed({Roles.RISK, Roles.ADMIN})
    public View approve(@PathParam("defaultId") @Min(1) long defaultId) {
        return View.of(cases.approve(defaultId, caller.name()));
    }

    @Operation(summary = "Withdraw a default proposal",
            description = "Withdraws a proposal before it is approved (WITHDRAWN, with the reason) and publishes "
                    + "DefaultProposalWithdrawn; the member was never in default. Refused requests write nothing.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"why": "the margin call was paid at 16:05, five minutes late"}"""))
    @APIResponse(responseCode = "200", description = "The case, WITHDRAWN",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "400", description = "/problems/validation: why: must not be blank")
    @APIResponse(responseCode = "404", description = "No default case with this id")
    @APIResponse(responseCode = "409", description = "/problems/default-not-proposed: default case 4 of member "
            + "BRAVO is DECLARED: only a PROPOSED case can be approved or withdrawn")
    @POST
    @Path("/{defaultId}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RISK, Roles.ADMIN})
    public View withdraw(@PathParam("defaultId") @Min(1) long defaultId, @Valid @NotNull Withdrawal withdrawal) {
        return View.of(cases.withdraw(defaultId, withdrawal.why(), caller.name()));
    }

    @Operation(summary = "Default cases",
            description = "The cases, newest first, optionally only those of a status (PROPOSED, WITHDRAWN, "
                    + "DECLARED) or of a member.")
    @APIResponse(responseCode = "200", description = "A page of cases", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = View.class)))
    @APIResponse(responseCode = "400", description = "/problems/validation: status: must be one of [PROPOSED, "
            + "WITHDRAWN, DECLARED], was OPEN")
    @GET
    @RolesAllowed({Roles.RISK, Roles.ADMIN, Roles.BACK_OFFICE})
    public List<View> list(@QueryParam("status") String status,
                           @QueryParam("memberId") @Pattern(regexp = MEMBER_ID, message = MEMBER_ID_RULE)
                           String memberId,
                           @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                           @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return cases.list(EnumFilter.of("status", status, DefaultCase.Status.class), memberId, page, size).stream().map(View::of).toList();
    }

    @Operation(summary = "A default case", description = "The case: who proposed it and why, who decided it and when.")
    @APIResponseSchema(value = View.class, responseCode = "200", responseDescription = "The case")
    @APIResponse(responseCode = "404", description = "No default case with this id")
    @GET
    @Path("/{defaultId}")
    @RolesAllowed({Roles.RISK, Roles.ADMIN, Roles.BACK_OFFICE})
    public View get(@PathParam("defaultId") @Min(1) long defaultId) {
        return cases.find(defaultId).map(View::of)
                .orElseThrow(() -> ProblemException.notFound("default case", String.valueOf(defaultId)));
    }

    @Operation(summary = "A default's transfers",
            description = "Every transfer default management instructed for the case (porting, hedges, auction "
                    + "awards) in the order instructed, with clearing-service's answer and each leg's close-out "
                    + "cost against the last settlement price.")
    @APIResponse(responseCode = "200", description = "The transfers", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = TransferView.class)))
    @APIResponse(responseCode = "404", description = "No default case with this id")
    @GET
    @Path("/{defaultId}/transfers")
    @RolesAllowed({Roles.RISK, Roles.ADMIN, Roles.BACK_OFFICE})
    public List<TransferView> transfers(@PathParam("defaultId") @Min(1) long defaultId) {
        cases.find(defaultId).orElseThrow(() -> ProblemException.notFound("default case", String.valueOf(defaultId)));
        return transfers.ofDefault(defaultId).stream().map(TransferView::of).toList();
    }

    @Operation(summary = "The default report",
            description = "Everything default management did for the case: the timeline of every step and who took "
                    + "it, the porting offers, every lot with its auctions and (once closed) every bid, every "
                    + "transfer with its close-out cost against the last settlement price, the close-out cost per "
                    + "currency, the waterfall as account-service posted it (layers, survivors' shares, journal "
                    + "entries), and what is left: positions the defaulter still holds, open offers and auctions, "
                    + "transfers clearing-service has not answered, the loss no layer covered.")
    @APIResponseSchema(value = DefaultReports.Report.class, responseCode = "200", responseDescription = "The report")
    @APIResponse(responseCode = "404", description = "No default case with this id")
    @GET
    @Path("/{defaultId}/report")
    @RolesAllowed({Roles.RISK, Roles.ADMIN, Roles.BACK_OFFICE})
    public DefaultReports.Report report(@PathParam("defaultId") @Min(1) long defaultId) {
        return reports.of(defaultId);
    }
}
