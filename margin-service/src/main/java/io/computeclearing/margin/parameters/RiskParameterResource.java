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
    @GET
    @RolesAllowed({Roles.RISK, Roles.BACK_OFFICE, Roles.ADMIN})
    public List<RiskParameterView> inForce() {
        return parameters.inForce(today()).values().stream().map(RiskParameterView::of).toList();
    }

    @GET
    @Path("/{family}")
    @RolesAllowed({Roles.RISK, Roles.BACK_OFFICE, Roles.ADMIN})
    public RiskParameterView get(@PathParam("family") String family) {
        return parameters.inForce(family, today()).map(RiskParameterView::of)
                .orElseThrow(() -> ProblemException.notFound("risk parameters", family));
    }

    /** The inter-commodity spreads in force today (the whole set, one version). */
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
     * the market (see {@link ParameterProposals}). 409 when the index or enough of its history is not known.
     */
    @GET
    @Path("/{family}/proposal")
    @RolesAllowed(Roles.RISK)
    public ParameterProposal proposal(@PathParam("family") String family) {
        return proposals.propose(family, today());
    }

    /** A new version of the family's parameters (the first one creates the family), effective from its date. */
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
