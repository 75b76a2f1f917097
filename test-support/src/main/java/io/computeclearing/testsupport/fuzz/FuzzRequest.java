package io.computeclearing.testsupport.fuzz;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.Method;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** One request of a case: what it varies ({@code what}), its parameters, and its body as sent. */
record FuzzRequest(String what, Map<String, String> path, Map<String, String> query, Map<String, String> headers,
                   String contentType, String body, boolean oversized) {

    /** The body exactly as given, with no charset or content type added by the client. */
    private static final RestAssuredConfig VERBATIM = RestAssuredConfig.config().encoderConfig(
            EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    FuzzRequest with(String what, FuzzOperation.Param parameter, String value) {
        Map<String, String> path = new LinkedHashMap<>(this.path);
        Map<String, String> query = new LinkedHashMap<>(this.query);
        Map<String, String> headers = new LinkedHashMap<>(this.headers);
        switch (parameter.in()) {
            case "path" -> path.put(parameter.name(), value);
            case "query" -> query.put(parameter.name(), value);
            default -> headers.put(parameter.name(), value);
        }
        return new FuzzRequest(what, path, query, headers, contentType, body, oversized);
    }

    FuzzRequest without(String what, FuzzOperation.Param parameter) {
        Map<String, String> query = new LinkedHashMap<>(this.query);
        Map<String, String> headers = new LinkedHashMap<>(this.headers);
        query.remove(parameter.name());
        headers.remove(parameter.name());
        return new FuzzRequest(what, path, query, headers, contentType, body, oversized);
    }

    FuzzRequest withBody(String what, String contentType, String body) {
        return new FuzzRequest(what, path, query, headers, contentType, body, false);
    }

    /** The request announcing a body past the services' limit, of which it sends only the start. */
    FuzzRequest oversized(String what) {
        return new FuzzRequest(what, path, query, headers, contentType, body, true);
    }

    FuzzAnswer send(String method, String template, String token) throws IOException {
        if (oversized) {
            return OversizedBody.send(method, expand(template), headers, contentType, token);
        }
        return FuzzAnswer.of(restAssured(method, template, token));
    }

    /** The path with its parameters filled in and encoded, for a request sent without RestAssured. */
    private String expand(String template) {
        String url = template;
        for (Map.Entry<String, String> parameter : path.entrySet()) {
            url = url.replace("{" + parameter.getKey() + "}",
                    URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        StringBuilder withQuery = new StringBuilder(url);
        query.forEach((name, value) -> withQuery.append(withQuery.indexOf("?") < 0 ? '?' : '&').append(name)
                .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return withQuery.toString();
    }

    Response restAssured(String method, String template, String token) {
        RequestSpecification request = given().config(VERBATIM).auth().oauth2(token).accept("*/*");
        path.forEach(request::pathParam);
        query.forEach(request::queryParam);
        headers.forEach(request::header);
        if (body != null) {
            request.contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8));
        }
        return request.request(Method.valueOf(method), template);
    }

    @Override
    public String toString() {
        return what;
    }
}
