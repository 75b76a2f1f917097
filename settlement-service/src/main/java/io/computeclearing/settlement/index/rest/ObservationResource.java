package io.computeclearing.settlement.index.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.computeclearing.platform.bounds.OutOfBounds;
import io.computeclearing.platform.problem.Problem.Violation;
import io.computeclearing.platform.problem.ProblemException;
import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import io.computeclearing.settlement.index.IndexConfig;
import io.computeclearing.settlement.index.ObservationSubmission;
import io.computeclearing.settlement.index.Observations;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Panel observations for computed indices, submitted by the back office one at a time or as a list. */
@Path("/indices/{indexId}/observations")
public class ObservationResource {

    /** What a submission stored: how many observations are new and how many were replays. */
    public record SubmissionResult(int created, int replayed, List<ObservationView> observations) {
    }

    private final Observations observations;
    private final ObjectMapper json;
    /** Keeps prices and volumes exactly as sent (2.50 stays 2.50 in the audit trail). */
    private final ObjectReader exactReader;
    private final Validator validator;
    private final IndexConfig config;
    private final Caller caller;

    public ObservationResource(Observations observations, ObjectMapper json, Validator validator, IndexConfig config,
                               Caller caller) {
        this.observations = observations;
        this.json = json;
        this.exactReader = json.reader().without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
        this.validator = validator;
        this.config = config;
        this.caller = caller;
    }

    /**
     * Body: one observation object or a list of them. 201 when anything new was stored, 200 when all were replays;
     * any invalid observation refuses the whole submission.
     */
    @Operation(summary = "Submit panel observations",
            description = "One observation object or a list of them: 201 when anything new was stored, 200 when all "
                    + "were replays; any invalid observation refuses the whole submission.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            [{"observationId": "P1-20261201-001", "provider": "P1", "kind": "TRANSACTION", "price": 2.50,
              "volume": 1200, "observedAt": "2026-12-01T15:10:00Z"}]"""))
    @APIResponse(responseCode = "201", description = "Something new was stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ObservationResource.SubmissionResult.class)))
    @APIResponse(responseCode = "200", description = "Every observation was a replay; nothing recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ObservationResource.SubmissionResult.class)))
    @APIResponse(responseCode = "404", description = "No index with this id")
    @APIResponse(responseCode = "409", description = "/problems/observation-conflict: an observation id is already "
            + "used with different content")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BACK_OFFICE)
    public Response submit(@PathParam("indexId") String indexId, String body) throws JsonProcessingException {
        List<ObservationSubmission> submissions = read(body == null || body.isBlank() ? null
                : exactReader.readTree(body));
        List<ObservationView> stored = observations.submit(indexId, submissions, caller.name()).stream()
                .map(o -> ObservationView.of(o.observation(), o.created())).toList();
        int created = (int) stored.stream().filter(ObservationView::created).count();
        SubmissionResult result = new SubmissionResult(created, stored.size() - created, stored);
        return Response.status(created > 0 ? 201 : 200).entity(result).build();
    }

    private List<ObservationSubmission> read(JsonNode body) throws JsonProcessingException {
        if (body == null || !(body.isObject() || body.isArray()) || body.isEmpty()) {
            throw ProblemException.invalid("body", "send one observation object or a non-empty list of them");
        }
        List<JsonNode> nodes = new ArrayList<>();
        (body.isArray() ? body : json.createArrayNode().add(body)).forEach(nodes::add);
        if (nodes.size() > config.maxObservationsPerSubmission()) {
            throw ProblemException.invalid("body", "at most " + config.maxObservationsPerSubmission()
                    + " observations per submission, got " + nodes.size());
        }
        List<ObservationSubmission> submissions = new ArrayList<>(nodes.size());
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            ObservationSubmission submission;
            try {
                submission = json.treeToValue(nodes.get(i), ObservationSubmission.class);
            } catch (OutOfBounds outOfBounds) {
                // a number or string outside every domain, refused while read: named by its place in the list
                String field = outOfBounds.getPath().stream().map(r -> r.getFieldName() == null
                        ? "[" + r.getIndex() + "]" : r.getFieldName()).collect(Collectors.joining("."));
                violations.add(new Violation("[" + i + "]." + field, outOfBounds.requirement()));
                continue;
            }
            for (ConstraintViolation<ObservationSubmission> v : validator.validate(submission)) {
                violations.add(new Violation("[" + i + "]." + v.getPropertyPath(), v.getMessage()));
            }
            submissions.add(submission);
        }
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(Violation::field));
            throw ProblemException.invalid(violations.stream().map(v -> v.field() + ": " + v.message())
                    .collect(Collectors.joining("; ")), violations);
        }
        return submissions;
    }
}
