package io.computeclearing.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.computeclearing.platform.problem.Problem.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every refused request into {@code application/problem+json}: our own {@link ProblemException}, bean
 * validation failures, unreadable JSON and the framework's own 4xx (unknown path, wrong method, bad media type).
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field))
                .toList();
        String detail = violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        return respond(new Problem("/problems/validation", "Invalid request", 400, detail, uri.getPath(), violations));
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? m.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                : "body";
        String detail = "the request body is not valid JSON for this operation: " + e.getOriginalMessage();
        return respond(new Problem("/problems/malformed-request", "Malformed request body", 400, detail,
                uri.getPath(), List.of(new Violation(field, e.getOriginalMessage()))));
    }

    /**
     * JSON of the wrong shape (a word where a number belongs, an unknown enum value, an unknown field). Quarkus has
     * its own mapper for this more specific type, which answers an empty 400; this one takes precedence.
     */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status < 400 || status >= 500 || status == 401 || status == 403) {
            return original;
        }
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        String reason = original.getStatusInfo().getReasonPhrase();
        String detail = e.getMessage() != null && !e.getMessage().startsWith("HTTP ") ? e.getMessage() : reason;
        return respond(new Problem("/problems/http-" + status, reason, status, detail, uri.getPath(), List.of()));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** "deposit.request.amount" (method, parameter, property) becomes "amount". */
    private static String fieldName(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        String parameter = "request";
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD -> { }
                case PARAMETER -> parameter = node.getName();
                default -> names.add(node.toString());
            }
        }
        return names.isEmpty() ? parameter : String.join(".", names);
    }
}
