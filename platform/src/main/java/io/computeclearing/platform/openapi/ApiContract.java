package io.computeclearing.platform.openapi;

import io.computeclearing.platform.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds to every operation of a service's OpenAPI document what is the same for all of them, so that the resources
 * only say what is particular to each operation:
 * <ul>
 *     <li>the {@code Problem} schema (RFC 9457) and, for every 4xx response, {@code application/problem+json} content
 *     with an example;</li>
 *     <li>401 and 403, and 400 wherever the operation reads a body or a typed parameter (a date, a number);</li>
 *     <li>the roles allowed, as {@code x-roles} and as a last sentence of the description. They are read from the
 *     operation's security requirement, which Quarkus derives from {@code @RolesAllowed}
 *     ({@code quarkus.smallrye-openapi.auto-add-security-requirement}), so they cannot drift from the code.</li>
 * </ul>
 * A 4xx response an operation declares without content gets its example from its description: a description that
 * begins with a problem type ({@code "/problems/insufficient-excess-collateral: the withdrawal would ..."}) gives that
 * type, a 404 the type {@code /problems/not-found}, a 400 {@code /problems/validation}; the rest of the description,
 * up to any "(or, /problems/...)" naming other kinds with the same status, is the detail.
 * Registered with {@code mp.openapi.filter} in the platform's {@code META-INF/microprofile-config.properties}.
 */
public class ApiContract implements OASFilter {

    /** Extension listing the roles that may call an operation. */
    public static final String ROLES_EXTENSION = "x-roles";
    static final String PROBLEM_SCHEMA = "Problem";
    private static final Pattern TYPED_DESCRIPTION = Pattern.compile("^(/problems/([a-z0-9-]+)):?\\s*(.*)$",
            Pattern.DOTALL);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        addProblemSchema(openAPI.getComponents());
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) ->
                item.getOperations().values().forEach(operation -> complete(path, operation)));
    }

    private static void complete(String path, Operation operation) {
        List<String> roles = roles(operation);
        if (!roles.isEmpty()) {
            operation.addExtension(ROLES_EXTENSION, roles);
            String sentence = "Roles: " + String.join(", ", roles) + ".";
            String description = operation.getDescription();
            if (description == null || description.isBlank()) {
                operation.setDescription(sentence);
            } else if (!description.contains(sentence)) {
                operation.setDescription(description.strip() + "\n\n" + sentence);
            }
        }
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        String instance = path;
        boolean readsInput = operation.getRequestBody() != null
                || (operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(ApiContract::hasRules));
        if (readsInput && !responses.hasAPIResponse("400")) {
            responses.addAPIResponse("400", malformedInput(operation.getRequestBody() != null, instance));
        }
        if (!roles.isEmpty()) {
            addSecurityProblems(responses, instance);
        }
        responses.getAPIResponses().forEach((code, response) -> {
            if (isProblemStatus(code) && response.getRef() == null
                    && (response.getContent() == null || response.getContent().getMediaTypes().isEmpty())) {
                response.setContent(problemContent(exampleFromDescription(code, response, instance)));
            }
        });
    }

    /**
     * 400 for input the operation cannot take: JSON that does not parse or does not fit (a word where a number
     * belongs) answers {@code /problems/malformed-request}, a field or parameter breaking a rule
     * {@code /problems/validation}, a parameter of the wrong type (a date that is not one) {@code /problems/malformed-parameter}.
     */
    private static APIResponse malformedInput(boolean readsBody, String instance) {
        MediaType media = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA));
        if (readsBody) {
            media.addExample("malformed", OASFactory.createExample().summary("The body is not JSON of this shape")
                    .value(example("/problems/malformed-request", "Malformed request body", 400,
                            "the request body is not valid JSON for this operation: Unexpected end-of-input",
                            instance, Map.of("field", "body", "message", "Unexpected end-of-input"))));
        }
        // A body left out is the one rule every operation with a body has; a parameter's rule depends on the operation.
        String field = readsBody ? "request" : "page";
        String rule = readsBody ? "must not be null" : "must be greater than or equal to 0";
        media.addExample("invalid", OASFactory.createExample().summary("A field or parameter breaks a rule")
                .value(example("/problems/validation", "Invalid request", 400, field + ": " + rule, instance,
                        Map.of("field", field, "message", rule))));
        media.addExample("unreadable", OASFactory.createExample().summary("A parameter is not of its type")
                .value(example("/problems/malformed-parameter", "Malformed parameter", 400,
                        "query parameter 'asOf' must be a date (YYYY-MM-DD)", instance,
                        Map.of("field", "asOf", "message", "must be a date (YYYY-MM-DD)"))));
        return OASFactory.createAPIResponse()
                .description(readsBody
                        ? "The body is not valid JSON for this operation, or a field or parameter breaks a rule"
                        : "A parameter is not of its type or breaks a rule")
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media));
    }

    /** Quarkus adds bare 401 and 403 to secured operations; these say what the body is. */
    private static void addSecurityProblems(APIResponses responses, String instance) {
        responses.addAPIResponse("401", OASFactory.createAPIResponse()
                .description("No valid bearer token")
                .content(problemContent(example("/problems/unauthorized", "Authentication required", 401,
                        "this operation needs a valid bearer token (missing, expired or not signed by the issuer)",
                        instance))));
        responses.addAPIResponse("403", OASFactory.createAPIResponse()
                .description("The token is valid but carries none of the roles allowed")
                .content(problemContent(example("/problems/forbidden", "Not allowed", 403,
                        "the token's roles do not allow this operation", instance))));
    }

    /** The roles of the operation's security requirements, in the order @RolesAllowed names them. */
    static List<String> roles(Operation operation) {
        Set<String> roles = new LinkedHashSet<>();
        if (operation.getSecurity() != null) {
            operation.getSecurity().forEach(requirement ->
                    requirement.getSchemes().values().forEach(scopes -> {
                        if (scopes != null) {
                            roles.addAll(scopes);
                        }
                    }));
        }
        return List.copyOf(roles);
    }

    /** A parameter that can be malformed: anything but free text (a date, a number, an enum, a pattern). */
    private static boolean hasRules(Parameter parameter) {
        Schema schema = parameter.getSchema();
        if (schema == null) {
            return false;
        }
        boolean text = schema.getType() == null || schema.getType().equals(List.of(SchemaType.STRING));
        return !text || schema.getFormat() != null || schema.getPattern() != null || schema.getEnumeration() != null
                || schema.getRef() != null;
    }

    private static boolean isProblemStatus(String code) {
        return code.length() == 3 && code.charAt(0) == '4';
    }

    private static Map<String, Object> exampleFromDescription(String code, APIResponse response, String instance) {
        int status = Integer.parseInt(code);
        String description = response.getDescription() == null ? "" : response.getDescription().strip();
        Matcher typed = TYPED_DESCRIPTION.matcher(description);
        if (typed.matches()) {
            String detail = typed.group(3);
            int others = detail.indexOf(" (or");
            return example(typed.group(1), title(typed.group(2)), status,
                    others > 0 ? detail.substring(0, others) : detail, instance);
        }
        return switch (status) {
            case 404 -> example("/problems/not-found", "Not found", 404, description, instance);
            case 400 -> example("/problems/validation", "Invalid request", 400, description, instance);
            default -> example("/problems/http-" + status, "Refused", status, description, instance);
        };
    }

    /** "insufficient-cover" becomes "Insufficient cover". */
    private static String title(String kind) {
        String words = kind.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static Map<String, Object> example(String type, String title, int status, String detail,
                                               String instance) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", type);
        example.put("title", title);
        example.put("status", status);
        example.put("detail", detail);
        example.put("instance", instance);
        return example;
    }

    private static Map<String, Object> example(String type, String title, int status, String detail,
                                               String instance, Map<String, String> violation) {
        Map<String, Object> example = example(type, title, status, detail, instance);
        example.put("violations", List.of(violation));
        return example;
    }

    private static Content problemContent(Map<String, Object> example) {
        MediaType media = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA))
                .example(example);
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media);
    }

    private static void addProblemSchema(Components components) {
        if (components.getSchemas() != null && components.getSchemas().containsKey(PROBLEM_SCHEMA)) {
            return;
        }
        Schema violation = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("One failed rule: the field (or rule name) and what is wrong with it")
                .addProperty("field", string("the field or rule"))
                .addProperty("message", string("what is wrong with it"));
        Schema problem = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("RFC 9457 problem detail, answered as application/problem+json for every refused "
                        + "request; type is stable per kind of refusal, detail tells a person what to fix")
                .addProperty("type", string("stable per kind of refusal, for example /problems/not-found"))
                .addProperty("title", string("short summary of the kind of refusal"))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER)
                        .description("the HTTP status"))
                .addProperty("detail", string("what is wrong with this request"))
                .addProperty("instance", string("the path of the request"))
                .addProperty("violations", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .description("each failed rule, when the request breaks rules")
                        .items(violation))
                .required(List.of("type", "title", "status"));
        components.addSchema(PROBLEM_SCHEMA, problem);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(SchemaType.STRING).description(description);
    }
}
