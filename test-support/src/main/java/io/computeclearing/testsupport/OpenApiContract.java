package io.computeclearing.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

import static io.restassured.RestAssured.given;

/**
 * What every operation of a service's OpenAPI document must state, checked against the document the running test
 * application serves at {@code /q/openapi}: a summary, a 2xx response with its content (unless 204), 401, 403,
 * 400 when it reads a body, every 4xx as {@code application/problem+json} with an example, a request example when
 * it reads a body, the roles allowed ({@code x-roles}), and, when the member role is allowed, the member rule in
 * its description: a sentence "A member sees ..." saying what a member sees and what answers when it asks for
 * another member's data.
 * {@link #gaps()} names each operation and what it lacks.
 */
public final class OpenApiContract {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");
    private static final String MEMBER_RULE = "a member sees";

    private final JsonNode document;

    public OpenApiContract(JsonNode document) {
        this.document = document;
    }

    /** The document the test application serves. */
    public static OpenApiContract served() {
        String json = given().accept("application/json").queryParam("format", "json")
                .when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        try {
            return new OpenApiContract(new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "GET /accounts/{id}" for every documented operation. */
    public Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        forEachOperation((name, operation) -> operations.add(name));
        return operations;
    }

    /** One line per operation that lacks something, naming the operation and what it lacks; empty when complete. */
    public List<String> gaps() {
        List<String> gaps = new ArrayList<>();
        forEachOperation((name, operation) -> {
            List<String> missing = missing(operation);
            if (!missing.isEmpty()) {
                gaps.add(name + " lacks " + String.join(", ", missing));
            }
        });
        return gaps;
    }

    private static List<String> missing(JsonNode operation) {
        List<String> missing = new ArrayList<>();
        if (operation.path("summary").asText().isBlank()) {
            missing.add("a summary");
        }
        JsonNode responses = operation.path("responses");
        boolean success = false;
        for (Iterator<String> codes = responses.fieldNames(); codes.hasNext(); ) {
            String code = codes.next();
            if (code.startsWith("2")) {
                success = true;
                if (!code.equals("204") && responses.path(code).path("content").isEmpty()) {
                    missing.add("the content of its " + code);
                }
            } else if (code.startsWith("4")) {
                JsonNode problem = responses.path(code).path("content").path(PROBLEM_JSON);
                if (problem.isMissingNode()) {
                    missing.add(code + " as " + PROBLEM_JSON);
                } else if (!hasExample(problem)) {
                    missing.add("an example of its " + code);
                }
            }
        }
        if (!success) {
            missing.add("a 2xx response");
        }
        for (String code : List.of("401", "403")) {
            if (!responses.has(code)) {
                missing.add("a " + code + " response");
            }
        }
        boolean readsBody = operation.has("requestBody");
        if (readsBody && !responses.has("400")) {
            missing.add("a 400 response");
        }
        if (readsBody) {
            JsonNode contents = operation.path("requestBody").path("content");
            boolean example = contents.size() > 0;
            for (JsonNode content : contents) {
                example &= hasExample(content) || content.path("schema").has("example");
            }
            if (!example) {
                missing.add("a request example");
            }
        }
        Set<String> roles = new TreeSet<>();
        operation.path("x-roles").forEach(role -> roles.add(role.asText()));
        if (roles.isEmpty()) {
            missing.add("the roles allowed (x-roles)");
        }
        if (roles.contains("member")
                && !operation.path("description").asText().toLowerCase().contains(MEMBER_RULE)) {
            missing.add("the member rule (\"A member sees ...\") in its description");
        }
        return missing;
    }

    private static boolean hasExample(JsonNode content) {
        return content.hasNonNull("example") || content.path("examples").size() > 0;
    }

    private void forEachOperation(BiConsumer<String, JsonNode> action) {
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                if (METHODS.contains(entry.getKey())) {
                    action.accept(entry.getKey().toUpperCase() + " " + path.getKey(), entry.getValue());
                }
            }
        }
    }
}
