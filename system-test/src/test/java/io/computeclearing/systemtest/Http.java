package io.computeclearing.systemtest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The public REST APIs as a client sees them: real Keycloak tokens (password grant of the realm's demo users) and JSON
 * read with decimals kept exact ({@code BigDecimal}, never through double).
 */
final class Http {

    static final String ACCOUNT = "http://localhost:8081";
    static final String CLEARING = "http://localhost:8082";
    static final String MARGIN = "http://localhost:8083";
    static final String SETTLEMENT = "http://localhost:8084";
    static final String TOKEN_URL = "http://localhost:8180/realms/ccp/protocol/openid-connect/token";

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    /** An access token of a realm user (every demo user's password is its name); fetched once per run (they live 1 h). */
    String token(String user) {
        return tokens.computeIfAbsent(user, u -> {
            String form = Map.of("client_id", "ccp-cli", "username", u, "password", u, "grant_type", "password")
                    .entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            Response response = send(HttpRequest.newBuilder(URI.create(TOKEN_URL))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            if (response.status() != 200) {
                throw new IllegalStateException("no token for " + u + ": HTTP " + response.status() + " " + response.body());
            }
            return response.json().path("access_token").asText();
        });
    }

    Response get(String user, String url) {
        return call(user, "GET", url, null, null);
    }

    Response post(String user, String url, Object body) {
        return call(user, "POST", url, body, null);
    }

    /** A JSON call as {@code user} (null: no token at all). */
    Response call(String user, String method, String url, Object body, String idempotencyKey) {
        try {
            String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            return raw(user == null ? null : token(user), method, url, "application/json", text, idempotencyKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A call with a given bearer token (null: none) and content type, accepting JSON. */
    Response raw(String bearerToken, String method, String url, String contentType, String body, String idempotencyKey) {
        return raw(bearerToken, method, url, contentType, body, idempotencyKey, "application/json");
    }

    /** A call with a given bearer token (null: none), content type and accepted media type. */
    Response raw(String bearerToken, String method, String url, String contentType, String body, String idempotencyKey,
                 String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", accept);
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return send(request);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.request().method() + " " + response.uri(), response.statusCode(), response.body());
        } catch (IOException e) {
            return new Response(request.build().method() + " " + request.build().uri(), -1,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** An answer: {@code status} -1 when nothing answered (the body then says why). */
    record Response(String request, int status, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return JSON.missingNode();
            }
        }

        @Override
        public String toString() {
            String oneLine = body.replaceAll("\\s+", " ").strip();
            return request + " -> " + status + " " + (oneLine.length() > 500 ? oneLine.substring(0, 500) + "..." : oneLine);
        }
    }
}
