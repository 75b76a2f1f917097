package io.computeclearing.margin.parameters;

import io.computeclearing.margin.proposal.ParameterProposal;
import io.computeclearing.margin.proposal.ParameterProposals;
import io.computeclearing.platform.problem.ProblemException;
import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** SPAN risk parameters per product family: risk changes them, staff read them. */
@Path("/risk-parameters")
public class RiskParameterResource {

    private final RiskParameters parameters;
    private final InterSpreads interSpreads;
    private final ParameterProposals proposals;
    private final Caller caller;
    private final Clock clock;

    public RiskParameterResource(RiskParameters parameters, InterSpreads interSpreads, ParameterProposals proposals,
                                 Caller caller, Clock clock) {
        this.parameters = parameters;
        this.interSpreads = interSpreads;
        this.proposals = proposals;
        this.caller = caller;
        this.clock = clock;
    }

    /** The parameters in force today, one version per family. */
    @Operation(summary = "Risk parameters in force",
            description = "The SPAN risk parameters in force today, one version per product family.")
    @GET
    @RolesAllowed({Roles.RISK, Roles.BACK_OFFICE, Roles.ADMIN})
    public List<RiskParameterView> inForce() {
        return parameters.inForce(today()).values().stream().map(RiskParameterView::of).toList();
    }

    @Operation(summary = "A family's risk parameters in force",
            description = "The version of the family's SPAN risk parameters in force today.")
    @APIResponseSchema(value = RiskParameterView.class, responseCode = "200",
            responseDescription = "The version in force")
    @APIResponse(responseCode = "404", description = "No risk parameters in force for this family")
    @GET
    @Path("/{family}")
    @RolesAllowed({Roles.RISK, Roles.BACK_OFFICE, Roles.ADMIN})
    public RiskParameterView get(@PathParam("family") String family) {
        return parameters.inForce(family, today()).map(RiskParameterView::of)
                .orElseThrow(() -> ProblemException.notFound("risk parameters", family));
    }

    /** The inter-commodity spreads in force today (the whole set, one version). */
    @Operation(summary = "Inter-commodity spreads in force",
            description = "The whole set of inter-commodity spreads in force today (one version).")
    @APIResponseSchema(value = InterSpreadSet.class, responseCode = "200",
            responseDescription = "The set in force")
    @APIResponse(responseCode = "404", description = "No inter-commodity spreads in force today")
    @GET
    @Path("/inter-spreads")
    @RolesAllowed({Roles.RISK, Roles.BACK_OFFICE, Roles.ADMIN})
    public InterSpreadSet interSpreadsInForce() {
        return interSpreads.inForce(today())
                .orElseThrow(() -> ProblemException.notFound("inter-commodity spreads", today().toString()));
    }

    /**
     * A new version of the whole set of inter-commodity spreads, effective from its date: 201 when recorded, 200 with
     * the version in force when it is the same set (a repeated request records nothing).
     */
    @Operation(summary = "Revise the inter-commodity spreads",
            description = "A new version of the whole set of inter-commodity spreads, effective from its date (default "
                    + "today): 201 when recorded, 200 with the version in force when it is the same set, so a repeated "
                    + "request records nothing.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"effectiveFrom": "2026-12-01", "method": "DELTA_WEIGHTED_PRICE_RISK", "spreads": [
              {"priority": 1, "creditRate": 0.50, "legs": [
                {"family": "GH100", "deltaRatio": 1, "side": "A"},
                {"family": "GB200", "deltaRatio": 1, "side": "B"}]}]}"""))
    @APIResponse(responseCode = "201", description = "A new version recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InterSpreadSet.class)))
    @APIResponse(responseCode = "200", description = "The same set is already in force; nothing recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InterSpreadSet.class)))
    @APIResponse(responseCode = "400", description = "/problems/validation: The inter-commodity spreads were not "
            + "changed: 1 field(s) are invalid.")
    @APIResponse(responseCode = "422", description = "/problems/inter-spread-unknown-family: a spread names a family "
            + "with no risk parameters in force (or, /problems/inter-spread-currencies, joins families in different "
            + "currencies); nothing is changed")
    @PUT
    @Path("/inter-spreads")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RISK)
    public Response reviseInterSpreads(NewInterSpreads request) {
        InterSpreads.Revision revision = interSpreads.revise(request, caller.name(), today());
        return revision.created()
                ? Response.created(URI.create("/risk-parameters/inter-spreads")).entity(revision.set()).build()
                : Response.ok(revision.set()).build();
    }

    /**
     * Parameters estimated from the history of the family's index beside those in force, flagging those that lag
     * the market (see {@link ParameterProposals}), and the family's margin backtest lights from risk-service. 409 when
     * the index or enough of its history is not known.
     */
    @Operation(summary = "Risk parameters proposed from index history",
            description = "Parameters estimated from the history of the family's index beside those in force, flagging "
                    + "those that lag the market. Beside them, backtesting: the family's margin backtest traffic light "
                    + "per holding period (1 and 2 days) as risk-service last reported it (GREEN, YELLOW or RED, the "
                    + "exceedances among the observations of its rolling 250-day window and the business date it "
                    + "turned); an empty list until risk-service reports the family.")
    @APIResponseSchema(value = ParameterProposal.class, responseCode = "200",
            responseDescription = "The proposal beside the parameters in force, with the family's backtest lights")
    @APIResponse(responseCode = "409", description = "/problems/index-history-too-short: the index has too few values "
            + "for a proposal (or /problems/no-index: no instrument of the family is listed; "
            + "/problems/index-history-unusable: no volatility can be measured)")
    @GET
    @Path("/{family}/proposal")
    @RolesAllowed(Roles.RISK)
    public ParameterProposal proposal(@PathParam("family") String family) {
        return proposals.propose(family, today());
    }

    /** A new version of the family's parameters (the first one creates the family), effective from its date. */
    @Operation(summary = "Revise a family's risk parameters",
            description = "A new version of the family's SPAN risk parameters (the first one creates the family), "
                    + "effective from its date.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"effectiveFrom": "2026-12-01", "currency": "USD", "contractUnit": 1000, "priceScanFraction": 0.25,
             "referencePrice": 2.60, "extremeMoveMultiple": 3, "extremeMoveCover": 0.33, "intraSpreadCharge": 15.00,
             "ratioHouse": 1.00, "ratioClientOmnibus": 1.10, "ratioClientSegregated": 1.10,
             "priceScanFloor": 325.00}"""))
    @APIResponse(responseCode = "201", description = "The new version, recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RiskParameterView.class)))
    @APIResponse(responseCode = "400", description = "/problems/validation: The risk parameters of GH100 were not "
            + "changed: 1 field(s) are invalid.")
    @PUT
    @Path("/{family}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RISK)
    public Response revise(@PathParam("family") String family, NewRiskParameters request) {
        if (request == null) {
            throw ProblemException.invalid("body", "the new parameters are required");
        }
        RiskParameterSet created = parameters.revise(family, request, caller.name(), today());
        return Response.created(URI.create("/risk-parameters/" + family)).entity(RiskParameterView.of(created)).build();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
