package io.computeclearing.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.computeclearing.client.ClearingHouse;
import io.computeclearing.client.ClearingHouseEndpoints;
import io.computeclearing.client.OidcTokenSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public REST APIs as clients see them, with real Keycloak tokens (password grant of the realm's demo users): the
 * typed Java client ({@code ccp-client}) as each user, and, for the security matrix only, raw calls of any documented
 * operation with any token or none, whatever the body.
 */
final class Http {

    static final ClearingHouseEndpoints ENDPOINTS = ClearingHouseEndpoints.localhost();
    static final String ACCOUNT = ENDPOINTS.accountService().toString();
    static final String CLEARING = ENDPOINTS.clearingService().toString();
    static final String MARGIN = ENDPOINTS.marginService().toString();
    static final String SETTLEMENT = ENDPOINTS.settlementService().toString();
    static final String RISK = ENDPOINTS.riskService().toString();
    static final URI TOKEN_URL = URI.create("http://localhost:8180/realms/ccp/protocol/openid-connect/token");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Map<String, ClearingHouse> users = new ConcurrentHashMap<>();
    private final Map<String, OidcTokenSource> tokens = new ConcurrentHashMap<>();

    /** The clearing house as a realm user (every demo user's password is its name). */
    ClearingHouse as(String user) {
        return users.computeIfAbsent(user, u -> ClearingHouse.builder(ENDPOINTS).tokens(tokens(u)).httpClient(client)
                .build());
    }

    /** An access token of a realm user, renewed by the client before it expires. */
    String token(String user) {
        return tokens(user).accessToken();
    }

    private OidcTokenSource tokens(String user) {
        return tokens.computeIfAbsent(user, u -> OidcTokenSource.password(client, TOKEN_URL, "ccp-cli", u, u));
    }

    /** A call with a given bearer token (null: none), content type and accepted media type. */
    Response raw(String bearerToken, String method, String url, String contentType, String body, String accept) {
        return raw(bearerToken, method, url, contentType, body, accept, Map.of());
    }

    Response raw(String bearerToken, String method, String url, String contentType, String body, String accept,
                 Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", accept);
        headers.forEach(request::header);
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        if (body != null) {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.request().method() + " " + response.uri(), response.statusCode(), response.body());
        } catch (IOException e) {
            return new Response(method + " " + url, -1, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A service's OpenAPI document, which is public (no token). */
    Response openApi(String baseUrl) {
        return raw(null, "GET", baseUrl + "/q/openapi?format=json", null, null, "application/json");
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
