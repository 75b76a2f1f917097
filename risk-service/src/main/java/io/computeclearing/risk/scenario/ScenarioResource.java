package io.computeclearing.risk.scenario;

import io.computeclearing.platform.problem.ProblemException;
import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.net.URI;
import java.util.List;

/** Stress scenarios: the risk department writes them as versions; risk and the back office read them. */
@Path("/scenarios")
public class ScenarioResource {

    private static final String EXAMPLE = """
            {"scenarioId": "GPU-GLUT", "name": "GPU glut: H100 and B200 rental prices down 40 %",
             "kind": "HYPOTHETICAL", "shocks": [
               {"family": "GH100", "kind": "RELATIVE", "value": -0.40},
               {"family": "GB200", "kind": "RELATIVE", "value": -0.40}]}""";
    private static final String REFUSALS = "/problems/validation: The scenario was not recorded: 1 field(s) are "
            + "invalid.";
    private static final String UNKNOWN_FAMILY = "/problems/unknown-family: no instrument of [GX900] is listed; known "
            + "families: [GB200, GH100, TKFRC, TKFRN]. Nothing was recorded";

    private final Scenarios scenarios;
    private final Caller caller;

    public ScenarioResource(Scenarios scenarios, Caller caller) {
        this.scenarios = scenarios;
        this.caller = caller;
    }

    @Operation(summary = "Stress scenarios",
            description = "The latest version of every scenario, retired ones included (active false).")
    @APIResponse(responseCode = "200", description = "The scenarios", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = Scenario.class)))
    @GET
    @RolesAllowed({Roles.RISK, Roles.BACK_OFFICE})
    public List<Scenario> list() {
        return scenarios.latest();
    }

    @Operation(summary = "A stress scenario", description = "The latest version of the scenario.")
    @APIResponseSchema(value = Scenario.class, responseCode = "200", responseDescription = "The latest version")
    @APIResponse(responseCode = "404", description = "No scenario with this id")
    @GET
    @Path("/{scenarioId}")
    @RolesAllowed({Roles.RISK, Roles.BACK_OFFICE})
    public Scenario get(@PathParam("scenarioId") String scenarioId) {
        return scenarios.latest(scenarioId).orElseThrow(() -> ProblemException.notFound("scenario", scenarioId));
    }

    @Operation(summary = "A stress scenario's versions", description = "Every version of the scenario, oldest first.")
    @APIResponse(responseCode = "200", description = "The versions", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = Scenario.class)))
    @APIResponse(responseCode = "404", description = "No scenario with this id")
    @GET
    @Path("/{scenarioId}/versions")
    @RolesAllowed({Roles.RISK, Roles.BACK_OFFICE})
    public List<Scenario> versions(@PathParam("scenarioId") String scenarioId) {
        List<Scenario> versions = scenarios.versions(scenarioId);
        if (versions.isEmpty()) {
            throw ProblemException.notFound("scenario", scenarioId);
        }
        return versions;
    }

    @Operation(summary = "Define a stress scenario",
            description = "Version 1 of a new scenario. HYPOTHETICAL: price shocks per product family (optionally per "
                    + "contract month), RELATIVE (a move above -1) or ABSOLUTE (the shocked price), and/or fxShock "
                    + "(a relative move of USD/CNY). HISTORICAL: direction DOWN or UP and holdingDays (default 2): "
                    + "per family the worst move of its index over the holding period, derived at each run. Refused "
                    + "requests record nothing.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = EXAMPLE))
    @APIResponse(responseCode = "201", description = "Version 1, recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Scenario.class)))
    @APIResponse(responseCode = "400", description = REFUSALS)
    @APIResponse(responseCode = "409", description = "/problems/scenario-exists: scenario GPU-GLUT exists: PUT "
            + "/scenarios/GPU-GLUT records a new version")
    @APIResponse(responseCode = "422", description = UNKNOWN_FAMILY)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RISK)
    public Response create(@Valid @NotNull NewScenario scenario) {
        Scenario created = scenarios.create(scenario, caller.name());
        return Response.created(URI.create("/scenarios/" + created.scenarioId())).entity(created).build();
    }

    @Operation(summary = "Revise a stress scenario",
            description = "The next version of the scenario, in force from the next stress run; active false retires "
                    + "it. The body is the whole scenario, as for a new one. Refused requests record nothing.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"name": "GPU glut: front month down 50 %, the rest 40 %", "kind": "HYPOTHETICAL", "shocks": [
               {"family": "GH100", "kind": "RELATIVE", "value": -0.40},
               {"family": "GH100", "contractMonth": "2027-01", "kind": "RELATIVE", "value": -0.50}]}"""))
    @APIResponse(responseCode = "200", description = "The new version, recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Scenario.class)))
    @APIResponse(responseCode = "400", description = REFUSALS)
    @APIResponse(responseCode = "404", description = "No scenario with this id")
    @APIResponse(responseCode = "422", description = UNKNOWN_FAMILY)
    @PUT
    @Path("/{scenarioId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RISK)
    public Scenario revise(@PathParam("scenarioId") String scenarioId, @Valid @NotNull NewScenario scenario) {
        return scenarios.revise(scenarioId, scenario, caller.name());
    }
}
