package io.computeclearing.testsupport;

import io.restassured.http.Method;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/**
 * What every refusal of a service looks like, checked against the running Quarkus test application for every
 * operation its OpenAPI document lists, so that an operation added tomorrow is covered without a new test: no token
 * (or a forged one) is 401, a token without an allowed role is 403, a method the path does not have is 405, an
 * unacceptable {@code Accept} is 406, a body of the wrong media type is 415, a malformed date, number or enum in the
 * path or query is 400 naming the parameter, an unknown path is 404; each one RFC 9457
 * {@code application/problem+json} with a {@code type}, {@code title}, {@code status} and {@code detail}, and never a
 * stack trace, SQL or a class name.
 *
 * <p>Each check returns what is wrong, one line per request, so a failure lists every offender at once.
 */
public final class RefusalContract {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}/]+)}");
    /** What a refusal body must never show: framework internals, a stack trace, a query. */
    private static final List<String> LEAKS = List.of("Exception", "at io.", "SQL", "org.");

    private final List<Operation> operations;

    private RefusalContract(List<Operation> operations) {
        this.operations = operations;
    }

    /** Reads the OpenAPI document of the application under test (RestAssured points at it in a Quarkus test). */
    public static RefusalContract ofRunningApplication() {
        Response document = given().accept("application/json").get("/q/openapi?format=json");
        if (document.statusCode() != 200) {
            throw new IllegalStateException("no OpenAPI document: " + document.statusCode());
        }
        return new RefusalContract(Operation.all(document.jsonPath()));
    }

    public List<Operation> operations() {
        return operations;
    }

    /** 401 without a token and with a token no issuer signed. */
    public List<String> withoutAValidTokenEveryOperationIs401() {
        List<String> wrong = new ArrayList<>();
        String forged = forgedToken();
        for (Operation operation : operations) {
            for (String token : Arrays.asList(null, forged)) {
                String what = operation + (token == null ? " without a token" : " with a forged token");
                Response response = operation.send(token);
                if (expect(wrong, what, 401, response) && !"Bearer".equals(response.header("WWW-Authenticate"))) {
                    wrong.add(what + ": 401 without the challenge 'WWW-Authenticate: Bearer'");
                }
            }
        }
        return wrong;
    }

    /** An admin token whose signature is that of another token: well formed, and signed by no one for this. */
    private static String forgedToken() {
        String admin = TestTokens.admin();
        String other = TestTokens.token("stranger", Set.of("no-such-role"), null);
        return admin.substring(0, admin.lastIndexOf('.')) + other.substring(other.lastIndexOf('.'));
    }

    /** 403 for a valid token whose only role is none of the operation's roles. */
    public List<String> withoutAnAllowedRoleEveryOperationIs403() {
        List<String> wrong = new ArrayList<>();
        String stranger = TestTokens.token("stranger", Set.of("no-such-role"), null);
        for (Operation operation : operations) {
            if (operation.roles().isEmpty()) {
                wrong.add(operation + " documents no roles (every operation needs a token with a role)");
                continue;
            }
            expect(wrong, operation + " with a token of no allowed role", 403, operation.send(stranger));
        }
        return wrong;
    }

    /** 405 for a method a documented path does not have. */
    public List<String> anUndocumentedMethodIs405() {
        Map<String, Set<String>> methodsByPath = new LinkedHashMap<>();
        Map<String, Operation> anyOperationOfPath = new LinkedHashMap<>();
        for (Operation operation : operations) {
            methodsByPath.computeIfAbsent(operation.path(), p -> new LinkedHashSet<>()).add(operation.method());
            anyOperationOfPath.putIfAbsent(operation.path(), operation);
        }
        List<String> wrong = new ArrayList<>();
        methodsByPath.forEach((path, methods) -> {
            Operation operation = anyOperationOfPath.get(path);
            for (String method : List.of("DELETE", "PATCH", "PUT", "POST", "GET")) {
                if (!methods.contains(method)) {
                    Response response = given().auth().oauth2(operation.allowedToken())
                            .contentType("application/json").body("{}")
                            .request(Method.valueOf(method), operation.url());
                    if (expect(wrong, method + " " + path, 405, response) && response.header("Allow") == null) {
                        wrong.add(method + " " + path + ": 405 without an Allow header");
                    }
                    break;
                }
            }
        });
        return wrong;
    }

    /** 406 when the caller accepts only a media type the operation does not produce. */
    public List<String> anUnacceptableAcceptIs406() {
        List<String> wrong = new ArrayList<>();
        for (Operation operation : operations) {
            expect(wrong, operation + " accepting image/png", 406,
                    operation.send(operation.allowedToken(), "image/png", null, null));
        }
        return wrong;
    }

    /** 415 for a body in text/plain where the operation reads JSON or XML. */
    public List<String> aBodyOfTheWrongMediaTypeIs415() {
        List<String> wrong = new ArrayList<>();
        for (Operation operation : operations) {
            if (operation.bodyType() == null || operation.bodyType().startsWith("text/plain")) {
                continue;
            }
            Response response = given().auth().oauth2(operation.allowedToken()).accept(operation.accept())
                    .header("Idempotency-Key", "refusal-contract").contentType("text/plain").body("hello")
                    .request(Method.valueOf(operation.method()), operation.url());
            expect(wrong, operation + " with a text/plain body", 415, response);
        }
        return wrong;
    }

    /**
     * 400 naming the parameter for a date, timestamp, number or enum in the path or query that does not parse, with
     * a token of an allowed role (the check must not stop at the door).
     */
    public List<String> aMalformedParameterIs400NamingIt() {
        List<String> wrong = new ArrayList<>();
        for (Operation operation : operations) {
            for (Parameter parameter : operation.parameters()) {
                String malformed = parameter.malformedValue();
                if (malformed == null) {
                    continue;
                }
                Response response = operation.send(operation.allowedToken(), operation.accept(), parameter, malformed);
                String what = operation + " with " + parameter.in() + " parameter " + parameter.name() + "="
                        + malformed;
                if (expect(wrong, what, 400, response)) {
                    String detail = response.jsonPath().getString("detail");
                    if (detail == null || !detail.contains("'" + parameter.name() + "'")) {
                        wrong.add(what + ": detail does not name the parameter: " + detail);
                    }
                }
            }
        }
        return wrong;
    }

    /** 404 for paths no resource serves, with and without a token. */
    public List<String> anUnknownPathIs404() {
        List<String> wrong = new ArrayList<>();
        String token = TestTokens.admin();
        for (String path : List.of("/no-such-resource", "/no-such-resource/1/deeper")) {
            expect(wrong, "GET " + path + " without a token", 404, given().get(path));
            expect(wrong, "GET " + path + " with a token", 404, given().auth().oauth2(token).get(path));
            expect(wrong, "POST " + path + " with a token", 404,
                    given().auth().oauth2(token).contentType("application/json").body("{}").post(path));
        }
        return wrong;
    }

    /** Whether the answer is the expected refusal as problem+json; adds what is wrong with it otherwise. */
    private static boolean expect(List<String> wrong, String what, int status, Response response) {
        String body = response.asString();
        String contentType = response.contentType();
        if (response.statusCode() != status) {
            wrong.add(what + ": expected " + status + ", got " + response.statusCode() + " " + abbreviate(body));
            return false;
        }
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            wrong.add(what + ": " + status + " as '" + contentType + "', not application/problem+json: "
                    + abbreviate(body));
            return false;
        }
        JsonPath problem = response.jsonPath();
        for (String member : List.of("type", "title", "detail")) {
            String value = problem.getString(member);
            if (value == null || value.isBlank()) {
                wrong.add(what + ": problem without " + member + ": " + abbreviate(body));
            }
        }
        if (problem.getInt("status") != status) {
            wrong.add(what + ": problem status " + problem.getInt("status") + " is not " + status);
        }
        for (String leak : LEAKS) {
            if (body.contains(leak)) {
                wrong.add(what + ": the body shows '" + leak + "': " + abbreviate(body));
            }
        }
        return true;
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }

    /** One path or query parameter and the kind of value it takes. */
    public record Parameter(String name, String in, String type, String format, List<String> values) {

        /** A value of the right kind, so that checks of other things get past the parameter. */
        String wellFormedValue() {
            if (!values.isEmpty()) {
                return values.getFirst();
            }
            if ("date".equals(format)) {
                return "2026-12-01";
            }
            if ("date-time".equals(format)) {
                return "2026-12-01T00:00:00Z";
            }
            if ("integer".equals(type) || "number".equals(type)) {
                return "1";
            }
            return "X-1";
        }

        /** A value of the wrong kind, or null where any text is acceptable. */
        String malformedValue() {
            if (!values.isEmpty()) {
                return "NO_SUCH_VALUE";
            }
            if ("date".equals(format)) {
                return "2026-13-45";
            }
            if ("date-time".equals(format)) {
                return "yesterday";
            }
            if ("integer".equals(type) || "number".equals(type)) {
                return "twelve";
            }
            return null;
        }
    }

    /** One documented operation: its method, path, allowed roles, body media type and parameters. */
    public record Operation(String method, String path, Set<String> roles, String bodyType, String sampleBody,
                            String accept, List<Parameter> parameters) {

        /** A token holding every allowed role, acting for a member where the role is {@code member}. */
        String allowedToken() {
            return TestTokens.token("refusal.contract", roles, "REFUSAL-CONTRACT");
        }

        String url() {
            return urlWith(null, null);
        }

        private String urlWith(Parameter replaced, String value) {
            Matcher placeholder = PATH_PARAMETER.matcher(path);
            StringBuilder url = new StringBuilder();
            while (placeholder.find()) {
                String name = placeholder.group(1);
                String concrete = parameters.stream()
                        .filter(p -> p.in().equals("path") && p.name().equals(name))
                        .map(p -> p.equals(replaced) ? value : p.wellFormedValue())
                        .findFirst().orElse("X-1");
                placeholder.appendReplacement(url, Matcher.quoteReplacement(concrete));
            }
            placeholder.appendTail(url);
            return url.toString();
        }

        Response send(String token) {
            return send(token, accept, null, null);
        }

        /** The request as a client would send it, with {@code replaced} set to {@code value}. */
        Response send(String token, String accept, Parameter replaced, String value) {
            RequestSpecification request = given();
            if (token != null) {
                request.auth().oauth2(token);
            }
            if (replaced != null && replaced.in().equals("query")) {
                request.queryParam(replaced.name(), value);
            }
            request.accept(accept).header("Idempotency-Key", "refusal-contract");
            if (bodyType != null) {
                request.contentType(bodyType).body(sampleBody);
            }
            return request.request(Method.valueOf(method), urlWith(replaced, value));
        }

        @Override
        public String toString() {
            return method + " " + path;
        }

        static List<Operation> all(JsonPath document) {
            List<Operation> operations = new ArrayList<>();
            Map<String, Map<String, Object>> paths = document.getMap("paths");
            paths.forEach((path, item) -> item.forEach((key, value) -> {
                String method = key.toUpperCase();
                if (!METHODS.contains(method)) {
                    return;
                }
                Map<String, Object> operation = map(value);
                Set<String> roles = new LinkedHashSet<>();
                for (Object requirement : list(operation.get("security"))) {
                    map(requirement).values().forEach(scopes -> list(scopes).forEach(r -> roles.add((String) r)));
                }
                Map<String, Object> contents = map(map(operation.get("requestBody")).get("content"));
                String bodyType = contents.keySet().stream().findFirst().orElse(null);
                // A body the operation can read, so that what is checked is not hidden behind a body error.
                String sampleBody = bodyType == null ? null
                        : bodyType.contains("xml") ? "<FIXML/>"
                        : "array".equals(resolve(document, map(map(contents.get(bodyType)).get("schema"))).get("type"))
                        ? "[]" : "{}";
                Set<String> produces = new LinkedHashSet<>();
                map(operation.get("responses")).values()
                        .forEach(response -> produces.addAll(map(map(response).get("content")).keySet()));
                List<Parameter> parameters = new ArrayList<>();
                List<Object> declared = new ArrayList<>(list(item.get("parameters")));
                declared.addAll(list(operation.get("parameters")));
                for (Object p : declared) {
                    Map<String, Object> parameter = map(p);
                    Map<String, Object> schema = resolve(document, map(parameter.get("schema")));
                    List<String> values = list(schema.get("enum")).stream().map(String::valueOf).toList();
                    parameters.add(new Parameter((String) parameter.get("name"), (String) parameter.get("in"),
                            (String) schema.get("type"), (String) schema.get("format"), values));
                }
                operations.add(new Operation(method, path, roles, bodyType, sampleBody,
                        produces.isEmpty() ? "*/*" : String.join(", ", produces), parameters));
            }));
            return operations;
        }

        /** A schema, or the component schema it refers to. */
        private static Map<String, Object> resolve(JsonPath document, Map<String, Object> schema) {
            Object ref = schema.get("$ref");
            if (ref instanceof String reference && reference.startsWith("#/components/schemas/")) {
                String name = reference.substring("#/components/schemas/".length());
                return map(document.getMap("components.schemas").get(name));
            }
            List<Object> allOf = list(schema.get("allOf"));
            return allOf.isEmpty() ? schema : resolve(document, map(allOf.getFirst()));
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> map(Object value) {
            return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        }

        @SuppressWarnings("unchecked")
        private static List<Object> list(Object value) {
            return value instanceof List<?> l ? (List<Object>) l : List.of();
        }
    }
}
