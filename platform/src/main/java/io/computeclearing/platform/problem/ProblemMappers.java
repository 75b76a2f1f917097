package io.computeclearing.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.computeclearing.platform.bounds.OutOfBounds;
import io.computeclearing.platform.problem.Problem.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns every refused request that reaches JAX-RS into {@code application/problem+json}: our own
 * {@link ProblemException}, bean validation failures, unreadable JSON, missing or refused credentials, the
 * framework's own 4xx (unknown path, wrong method, media types, malformed parameters) and any unexpected failure.
 * What fails before JAX-RS (a forged token under proactive authentication) is answered by {@link RefusalRoutes}.
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
        String message = BodyErrors.describe(e);
        if (e instanceof OutOfBounds) {
            // well-formed JSON, but a value outside every field's domain: a validation failure like any other
            return respond(new Problem("/problems/validation", "Invalid request", 400, field + ": " + message,
                    uri.getPath(), List.of(new Violation(field, message))));
        }
        String detail = "the request body is not valid JSON for this operation: " + field + " " + message;
        return respond(new Problem("/problems/malformed-request", "Malformed request body", 400, detail,
                uri.getPath(), List.of(new Violation(field, message))));
    }

    /**
     * JSON of the wrong shape (a word where a number belongs, an unknown enum value, an unknown field). Quarkus has
     * its own mapper for this more specific type, which answers an empty 400; this one takes precedence.
     */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    /** No token, an expired or forged one: 401 with the bearer challenge RFC 6750 asks for. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            NotAuthorizedException.class})
    public Response unauthorized(UriInfo uri) {
        return Response.fromResponse(respond(Refusals.unauthorized(uri.getPath())))
                .header(HttpHeaders.WWW_AUTHENTICATE, Refusals.BEARER_CHALLENGE).build();
    }

    /** A valid token whose roles do not allow the operation. */
    @ServerExceptionMapper({io.quarkus.security.ForbiddenException.class, ForbiddenException.class})
    public Response forbidden(UriInfo uri) {
        return respond(Refusals.forbidden(uri.getPath()));
    }

    /**
     * The framework's own refusals: unknown path (404), wrong method (405, with the {@code Allow} header RESTEasy
     * Reactive leaves out), unacceptable {@code Accept} (406), wrong {@code Content-Type} (415), a path or query
     * parameter that does not parse (400 naming it, from {@link ParameterFormats}); and any 5xx a library raised,
     * without its message.
     */
    @ServerExceptionMapper
    public Response framework(WebApplicationException e, UriInfo uri, Request request) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status < 400) {
            return original;
        }
        if (e.getCause() instanceof ProblemException problem) {
            return problem(problem, uri);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        if (status == 401) {
            return unauthorized(uri);
        }
        if (status == 403) {
            return forbidden(uri);
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        if (status == 404 && e.getCause() == null || status == 405 && allow == null) {
            Set<String> allowed = ResourceMethods.allowedAt(uri.getPath());
            if (!allowed.isEmpty() && !allowed.contains(request.getMethod())) {
                status = 405;
                allow = String.join(", ", allowed);
            }
        }
        Response refusal = respond(Refusals.framework(status, uri.getPath()));
        return allow == null ? refusal : Response.fromResponse(refusal).header(HttpHeaders.ALLOW, allow).build();
    }

    /**
     * Anything else is our fault: 500 with a correlation id, and the log line under that id says what happened.
     * The body never carries the message (it may hold SQL, a class name or someone's data). A unique key a
     * simultaneous request took first is not a fault: 409 {@code /problems/conflict} (see {@link Refusals#conflict}).
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        return respond(Refusals.unexpected(e, uri.getPath()));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * "deposit.request.amount" (method, parameter, property) becomes "amount"; an element of a list parameter keeps
     * its index: "publish.submissions[0].price" becomes "[0].price".
     */
    private static String fieldName(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        String parameter = "request";
        String element = "";
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD -> { }
                case PARAMETER -> {
                    parameter = node.getName();
                    String text = node.toString();
                    element = text.startsWith(parameter) ? text.substring(parameter.length()) : "";
                }
                default -> names.add(node.toString());
            }
        }
        if (names.isEmpty()) {
            return parameter;
        }
        return element.isEmpty() ? String.join(".", names) : element + "." + String.join(".", names);
    }
}
