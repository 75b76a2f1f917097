package io.computeclearing.testsupport.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One operation of a service's OpenAPI document as the fuzzer sees it: its roles, its parameters with their schemas,
 * its body's media type, schema and example, and from these a well-formed request and the hostile variations of it.
 */
record FuzzOperation(String method, String path, Set<String> roles, List<Param> parameters, String bodyType,
                     JsonNode bodySchema, String bodyExample) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    /** A path, query or header parameter. */
    record Param(String name, String in, boolean required, JsonNode schema, String validValue) {
    }

    static List<FuzzOperation> all(JsonNode document) {
        List<FuzzOperation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> item : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : item.getValue().properties()) {
                if (METHODS.contains(entry.getKey())) {
                    operations.add(of(document, entry.getKey().toUpperCase(), item.getKey(), item.getValue(),
                            entry.getValue()));
                }
            }
        }
        return operations;
    }

    private static FuzzOperation of(JsonNode document, String method, String path, JsonNode item, JsonNode operation) {
        Set<String> roles = new LinkedHashSet<>();
        operation.path("x-roles").forEach(role -> roles.add(role.asText()));
        List<Param> parameters = new ArrayList<>();
        List<JsonNode> declared = new ArrayList<>();
        item.path("parameters").forEach(declared::add);
        operation.path("parameters").forEach(declared::add);
        for (JsonNode parameter : declared) {
            parameter = resolve(document, parameter);
            JsonNode schema = resolve(document, parameter.path("schema"));
            String in = parameter.path("in").asText();
            if (in.equals("cookie")) {
                continue;
            }
            parameters.add(new Param(parameter.path("name").asText(), in,
                    in.equals("path") || parameter.path("required").asBoolean(), schema,
                    validValue(parameter, schema)));
        }
        String bodyType = null;
        JsonNode bodySchema = MissingNode.getInstance();
        String bodyExample = null;
        for (Map.Entry<String, JsonNode> content : operation.path("requestBody").path("content").properties()) {
            bodyType = content.getKey();
            bodySchema = inline(document, content.getValue().path("schema"), 0);
            bodyExample = example(content.getValue(), bodySchema);
            break;
        }
        return new FuzzOperation(method, path, roles, parameters, bodyType, bodySchema, bodyExample);
    }

    /** The documented example of a body: as JSON text, or the text itself for XML, CSV and the like. */
    private static String example(JsonNode content, JsonNode schema) {
        JsonNode example = content.path("example");
        if (example.isMissingNode()) {
            for (JsonNode named : content.path("examples")) {
                example = named.path("value");
                break;
            }
        }
        if (example.isMissingNode()) {
            example = schema.path("example");
        }
        if (example.isMissingNode() || example.isNull()) {
            return null;
        }
        return example.isTextual() ? example.asText() : example.toString();
    }

    /** A value of the right kind, so that a request gets past every parameter but the one varied. */
    private static String validValue(JsonNode parameter, JsonNode schema) {
        for (JsonNode source : List.of(parameter.path("example"), schema.path("example"), schema.path("default"))) {
            if (source.isValueNode() && !source.isNull()) {
                return source.asText();
            }
        }
        if (schema.path("enum").size() > 0) {
            return schema.path("enum").get(0).asText();
        }
        return switch (schema.path("format").asText()) {
            case "date" -> "2026-12-01";
            case "date-time" -> "2026-12-01T00:00:00Z";
            default -> switch (schema.path("type").asText()) {
                case "integer", "number" -> "1";
                case "boolean" -> "true";
                default -> "FUZZ-1";
            };
        };
    }

    /** A schema, parameter or body, or the component it refers to. */
    static JsonNode resolve(JsonNode document, JsonNode node) {
        for (int hops = 0; hops < 10; hops++) {
            String ref = node.path("$ref").asText("");
            if (ref.startsWith("#/")) {
                JsonNode target = document;
                for (String step : ref.substring(2).split("/")) {
                    target = target.path(step);
                }
                node = target;
                continue;
            }
            JsonNode composed = node.has("allOf") ? node.path("allOf")
                    : node.has("oneOf") ? node.path("oneOf") : node.path("anyOf");
            if (composed.isArray() && !composed.isEmpty()) {
                node = composed.get(0);
                continue;
            }
            return node;
        }
        return node;
    }

    boolean readsJson() {
        return bodyType != null && bodyType.contains("json");
    }

    /** The body the documented example gives, or a guess from the schema where there is none. */
    String validBody() {
        if (bodyType == null) {
            return null;
        }
        if (bodyExample != null) {
            return bodyExample;
        }
        return bodySchema.path("type").asText().equals("array") ? "[]" : "{}";
    }

    /** The well-formed request: every parameter valid, the example body. */
    FuzzRequest wellFormed() {
        Map<String, String> path = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (Param parameter : parameters) {
            switch (parameter.in()) {
                case "path" -> path.put(parameter.name(), parameter.validValue());
                case "query" -> {
                    if (parameter.required()) {
                        query.put(parameter.name(), parameter.validValue());
                    }
                }
                case "header" -> headers.put(parameter.name(), parameter.validValue());
                default -> {
                }
            }
        }
        headers.putIfAbsent("Idempotency-Key", "fuzz-" + Math.abs((method + path).hashCode()));
        return new FuzzRequest("the example", path, query, headers, bodyType, validBody(), false);
    }

    /**
     * The hostile variations of the well-formed request. With {@code full} every one; else every variation of a
     * parameter and of the body as a whole, and of the body's fields as many as fit in {@code maxCases} (at least
     * half of it), taken evenly over the fields so that each keeps some of its values.
     */
    List<FuzzRequest> cases(boolean full, int maxCases) {
        FuzzRequest base = wellFormed();
        List<FuzzRequest> cases = new ArrayList<>();
        for (Param parameter : parameters) {
            String where = parameter.in() + " parameter '" + parameter.name() + "'";
            HostileValues.text(parameter.schema(), full).forEach((name, value) -> {
                if (!parameter.in().equals("header") || sendableAsHeader(value)) {
                    cases.add(base.with(where + " = " + name, parameter, value));
                }
            });
            if (!parameter.in().equals("path")) {
                cases.add(base.without("without " + where, parameter));
            }
        }
        List<List<FuzzRequest>> fields = new ArrayList<>();
        if (bodyType != null) {
            bodyCases(base, full, cases, fields);
        }
        int room = full ? Integer.MAX_VALUE : Math.max(maxCases - cases.size(), maxCases / 2);
        cases.addAll(inTurn(fields, room));
        return cases;
    }

    /**
     * At most {@code count} of the fields' cases, taken in turns: each field's first value (the most hostile, see
     * {@link HostileValues}), then each field's second, and so on.
     */
    private static List<FuzzRequest> inTurn(List<List<FuzzRequest>> fields, int count) {
        List<FuzzRequest> taken = new ArrayList<>();
        for (int turn = 0; taken.size() < count; turn++) {
            boolean any = false;
            for (List<FuzzRequest> field : fields) {
                if (turn < field.size() && taken.size() < count) {
                    taken.add(field.get(turn));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return taken;
    }

    private void bodyCases(FuzzRequest base, boolean full, List<FuzzRequest> cases,
                           List<List<FuzzRequest>> fields) {
        String valid = validBody();
        cases.add(base.withBody("no body", null, null));
        cases.add(base.withBody("an empty body", bodyType, ""));
        cases.add(base.withBody("a body in text/plain", "text/plain", valid));
        cases.add(base.oversized("a body over 8 MB"));
        if (!readsJson()) {
            cases.add(base.withBody("a malformed body", bodyType, "<" + valid));
            cases.add(base.withBody("a body of 100k characters", bodyType, "A".repeat(HostileValues.LONG_TEXT)));
            cases.add(base.withBody("a body with NUL", bodyType, valid + "\u0000"));
            return;
        }
        cases.add(base.withBody("malformed JSON", bodyType, valid.substring(0, valid.length() / 2)));
        cases.add(base.withBody("JSON null", bodyType, "null"));
        cases.add(base.withBody("a JSON string", bodyType, "\"" + valid.replace("\"", "'") + "\""));
        cases.add(base.withBody("JSON nested 100,000 deep", bodyType, "[".repeat(100_000) + "]".repeat(100_000)));
        cases.add(base.withBody("a body in application/xml", "application/xml", valid));
        JsonNode example;
        try {
            example = JSON.readTree(valid);
        } catch (IOException e) {
            return;
        }
        if (example.isObject()) {
            cases.add(base.withBody("an unknown field", bodyType,
                    ((ObjectNode) example.deepCopy()).put("fuzzUnknownField", 1).toString()));
            cases.add(base.withBody("an empty object", bodyType, "{}"));
            cases.add(base.withBody("an array for the object", bodyType, "[" + valid + "]"));
        } else if (example.isArray()) {
            cases.add(base.withBody("an empty array", bodyType, "[]"));
            cases.add(base.withBody("an object for the array", bodyType, "{}"));
        }
        fieldCases(base, example, example, bodySchema, "", 0, full, fields);
    }

    /** Each field (and the first element of each array) replaced by every hostile value, and left out. */
    private void fieldCases(FuzzRequest base, JsonNode root, JsonNode node, JsonNode schema, String pointer, int depth,
                            boolean full, List<List<FuzzRequest>> fields) {
        if (depth > 3) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String at = pointer + "/" + field.getKey();
                JsonNode fieldSchema = schema.path("properties").path(field.getKey());
                List<FuzzRequest> cases = new ArrayList<>();
                HostileValues.json(field.getValue(), fieldSchema, full).forEach((name, value) ->
                        cases.add(base.withBody("field " + at + " = " + name, bodyType,
                                replaced(root, at, value).toString())));
                cases.add(base.withBody("without field " + at, bodyType, replaced(root, at, null).toString()));
                fields.add(cases);
                fieldCases(base, root, field.getValue(), fieldSchema, at, depth + 1, full, fields);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            String at = pointer + "/0";
            JsonNode itemSchema = schema.path("items");
            if (node.get(0).isValueNode()) {
                List<FuzzRequest> cases = new ArrayList<>();
                HostileValues.json(node.get(0), itemSchema, full).forEach((name, value) ->
                        cases.add(base.withBody("element " + at + " = " + name, bodyType,
                                replaced(root, at, value).toString())));
                fields.add(cases);
            }
            fieldCases(base, root, node.get(0), itemSchema, at, depth + 1, full, fields);
        }
    }

    /** A schema with every reference below it (properties, items) replaced by what it refers to. */
    private static JsonNode inline(JsonNode document, JsonNode schema, int depth) {
        JsonNode resolved = resolve(document, schema);
        if (depth > 4 || !resolved.isObject()) {
            return resolved;
        }
        ObjectNode copy = (ObjectNode) resolved.deepCopy();
        if (copy.has("properties")) {
            ObjectNode properties = JSON.createObjectNode();
            copy.path("properties").properties().forEach(property ->
                    properties.set(property.getKey(), inline(document, property.getValue(), depth + 1)));
            copy.set("properties", properties);
        }
        if (copy.has("items")) {
            copy.set("items", inline(document, copy.path("items"), depth + 1));
        }
        return copy;
    }

    /** A copy of {@code root} with the value at {@code pointer} replaced, or removed when {@code value} is null. */
    private static JsonNode replaced(JsonNode root, String pointer, JsonNode value) {
        JsonNode copy = root.deepCopy();
        int last = pointer.lastIndexOf('/');
        JsonNode parent = last == 0 ? copy : copy.at(pointer.substring(0, last));
        String key = pointer.substring(last + 1);
        if (parent instanceof ObjectNode object) {
            if (value == null) {
                object.remove(key);
            } else {
                object.set(key, value);
            }
        } else if (parent instanceof ArrayNode array) {
            int index = Integer.parseInt(key);
            if (value == null) {
                array.remove(index);
            } else {
                array.set(index, value);
            }
        }
        return copy;
    }

    private static boolean sendableAsHeader(String value) {
        return value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
