package io.computeclearing.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One JSON call to a service: the bearer token, the body written and the answer read with amounts kept decimal
 * (BigDecimal in and out, never through double), and every refusal turned into a {@link ProblemException}. Stateless
 * apart from its configuration, so any number of threads call through one instance at once.
 */
final class RestCalls {

    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // a status added to a service later reads as null here instead of failing the whole answer
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            // an optional field left null is left out, as the API documents optional fields
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    private static final String PROBLEM_JSON = "application/problem+json";

    private final HttpClient http;
    private final TokenSource tokens;
    private final Duration timeout;

    RestCalls(HttpClient http, TokenSource tokens, Duration timeout) {
        this.http = http;
        this.tokens = tokens;
        this.timeout = timeout;
    }

    Duration timeout() {
        return timeout;
    }

    /** A 2xx answer: its status (200, 201...) and body. */
    record Answer(int status, String body) {
    }

    <T> T get(URI url, Class<T> type) {
        return read(send("GET", url, null, null, "application/json", Map.of(), timeout), JSON.constructType(type));
    }

    <T> T get(URI url, TypeReference<T> type) {
        return read(send("GET", url, null, null, "application/json", Map.of(), timeout), JSON.constructType(type));
    }

    <T> T post(URI url, Object body, Class<T> type) {
        return read(send("POST", url, json(body), "application/json", "application/json", Map.of(), timeout),
                JSON.constructType(type));
    }

    <T> T post(URI url, Object body, TypeReference<T> type) {
        return read(send("POST", url, json(body), "application/json", "application/json", Map.of(), timeout),
                JSON.constructType(type));
    }

    <T> T put(URI url, Object body, Class<T> type) {
        return read(send("PUT", url, json(body), "application/json", "application/json", Map.of(), timeout),
                JSON.constructType(type));
    }

    /** A POST whose status tells whether it was recorded now (201) or replayed (200). */
    <T> Recorded<T> record(URI url, Object body, Map<String, String> headers, Class<T> type) {
        Answer answer = send("POST", url, json(body), body == null ? null : "application/json", "application/json",
                headers, timeout);
        return new Recorded<>(read(answer, JSON.constructType(type)), answer.status() == 200);
    }

    /** Any call: the answer when 2xx; a {@link ProblemException} for a refusal; else {@link ClearingHouseException}. */
    Answer send(String method, URI url, byte[] body, String contentType, String accept, Map<String, String> headers,
                Duration timeout) {
        String request = method + " " + url;
        HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Authorization", "Bearer " + tokens.accessToken())
                .header("Accept", accept + ", " + PROBLEM_JSON);
        headers.forEach(builder::header);
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ClearingHouseException(request + ": no answer (" + describe(e) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClearingHouseException(request + ": interrupted", e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Answer(status, response.body());
        }
        throw new ProblemException(request, problem(status, response), response.body());
    }

    /** The problem document of a refusal; one made from the status when the body is none (RFC 9457 about:blank). */
    private static Problem problem(int status, HttpResponse<String> response) {
        String body = response.body();
        boolean declared = response.headers().firstValue("Content-Type").map(t -> t.startsWith(PROBLEM_JSON))
                .orElse(false);
        if (body != null && !body.isBlank() && (declared || body.stripLeading().startsWith("{"))) {
            try {
                Problem problem = JSON.readValue(body, Problem.class);
                if (problem.type() != null || problem.title() != null) {
                    return problem.status() == status ? problem : new Problem(problem.type(), problem.title(), status,
                            problem.detail(), problem.instance(), problem.violations());
                }
            } catch (JsonProcessingException notAProblem) {
                // fall through: described by the status alone
            }
        }
        return new Problem("about:blank", reason(status), status, abbreviate(body), null, null);
    }

    static <T> T read(Answer answer, JavaType type) {
        try {
            return JSON.readValue(answer.body(), type);
        } catch (JsonProcessingException e) {
            throw new ClearingHouseException("cannot read the answer as " + type.getRawClass().getSimpleName() + ": "
                    + e.getOriginalMessage() + "; body " + abbreviate(answer.body()), e);
        }
    }

    static byte[] json(Object body) {
        if (body == null) {
            return null;
        }
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** {@code base} followed by the path segments, each percent-encoded (an id may hold any character). */
    static URI url(URI base, Object... segments) {
        StringBuilder url = new StringBuilder(base.toString());
        for (Object segment : segments) {
            url.append('/').append(URLEncoder.encode(String.valueOf(segment), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return URI.create(url.toString());
    }

    /** {@code url} with the query parameters that are not null. */
    static URI query(URI url, Map<String, ?> parameters) {
        StringJoiner query = new StringJoiner("&");
        parameters.forEach((name, value) -> {
            if (value != null) {
                query.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
            }
        });
        return query.length() == 0 ? url : URI.create(url + "?" + query);
    }

    static Map<String, Object> parameters(Object... namesAndValues) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return parameters;
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 503 -> "Service Unavailable";
            default -> "HTTP " + status;
        };
    }

    static String describe(Exception e) {
        String message = e.getMessage() == null && e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    static String abbreviate(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
    }
}
