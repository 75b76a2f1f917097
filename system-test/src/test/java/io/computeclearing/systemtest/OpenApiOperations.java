package io.computeclearing.systemtest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every operation a service documents in its OpenAPI document, with the roles allowed to call it. Quarkus writes the
 * {@code @RolesAllowed} roles of each operation as the scopes of its security requirement
 * ({@code quarkus.smallrye-openapi.auto-add-security-requirement}), so the matrix follows the code as it changes.
 */
final class OpenApiOperations {

    /** Example values for path parameters, by name: real ids of the scenario where one is needed to reach the check. */
    private static final Map<String, String> PATH_VALUES = Map.ofEntries(
            Map.entry("id", "BRAVO-H"), Map.entry("accountId", "BRAVO-H"), Map.entry("memberId", "BRAVO"),
            Map.entry("date", "2026-12-01"), Map.entry("businessDate", "2026-12-01"),
            Map.entry("valueDate", "2026-12-01"), Map.entry("symbol", "GH100"), Map.entry("family", "GH100"),
            Map.entry("instrumentId", "GH100-202612"), Map.entry("indexId", "SDH100RT"), Map.entry("base", "USD"),
            Map.entry("quote", "CNY"), Map.entry("securityId", "US912828XY99"));
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}/]+)}");

    /** One documented operation; {@code roles} empty when it documents no security requirement at all. */
    record Operation(String service, String baseUrl, String method, String path, Set<String> roles,
                     boolean documentsSecurity, String contentType, String accept) {

        String url() {
            Matcher parameter = PATH_PARAMETER.matcher(path);
            StringBuilder concrete = new StringBuilder();
            while (parameter.find()) {
                parameter.appendReplacement(concrete, PATH_VALUES.getOrDefault(parameter.group(1), "X-1"));
            }
            parameter.appendTail(concrete);
            return baseUrl + concrete;
        }

        /** A syntactically plausible body: the security check must answer before the body is even read. */
        String body() {
            if (contentType == null) {
                return null;
            }
            return contentType.contains("xml") ? "<FIXML/>" : "{}";
        }

        @Override
        public String toString() {
            return service + " " + method + " " + path;
        }
    }

    private OpenApiOperations() {
    }

    static List<Operation> of(String service, String baseUrl, JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            String method = entry.getKey().toUpperCase();
            if (!Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                return;
            }
            JsonNode operation = entry.getValue();
            Set<String> roles = new LinkedHashSet<>();
            JsonNode security = operation.path("security");
            security.forEach(requirement -> requirement.fields()
                    .forEachRemaining(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText()))));
            String contentType = null;
            var contents = operation.path("requestBody").path("content").fieldNames();
            if (contents.hasNext()) {
                contentType = contents.next();
            }
            // What the operation answers in (JSON, XML, CSV...): asking for anything else is refused (406) first.
            Set<String> produces = new LinkedHashSet<>();
            operation.path("responses").forEach(response -> response.path("content").fieldNames()
                    .forEachRemaining(produces::add));
            String accept = produces.isEmpty() ? "*/*" : String.join(", ", produces);
            operations.add(new Operation(service, baseUrl, method, path.getKey(), roles, !security.isEmpty(), contentType,
                    accept));
        }));
        return operations;
    }
}
