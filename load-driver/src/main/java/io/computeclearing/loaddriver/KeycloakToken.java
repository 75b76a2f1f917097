package io.computeclearing.loaddriver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
import java.util.stream.Collectors;

/**
 * The back-office user's access token from Keycloak (password grant of the public client {@code ccp-cli}), renewed
 * before it expires: with the refresh token while that is valid, else with the password again. A run longer than a
 * token's life (an hour in realm {@code ccp}) keeps working.
 */
final class KeycloakToken {

    /** Renew when less than this is left, so that no request leaves with a token that expires on the way. */
    private static final Duration RENEW_BEFORE = Duration.ofSeconds(60);

    private final HttpClient http;
    private final ObjectMapper json;
    private final URI tokenUrl;
    private final String clientId;
    private final String user;
    private final String password;

    private String accessToken;
    private long accessExpiresAt;
    private String refreshToken;
    private long refreshExpiresAt;

    KeycloakToken(HttpClient http, ObjectMapper json, URI keycloak, String realm, String clientId, String user,
                  String password) {
        this.http = http;
        this.json = json;
        this.tokenUrl = URI.create(keycloak + "/realms/" + realm + "/protocol/openid-connect/token");
        this.clientId = clientId;
        this.user = user;
        this.password = password;
    }

    /** A token valid for at least another minute. */
    synchronized String current() throws IOException, InterruptedException {
        long now = System.nanoTime();
        if (accessToken != null && now < accessExpiresAt - RENEW_BEFORE.toNanos()) {
            return accessToken;
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", clientId);
        if (refreshToken != null && now < refreshExpiresAt - RENEW_BEFORE.toNanos()) {
            form.put("grant_type", "refresh_token");
            form.put("refresh_token", refreshToken);
        } else {
            form.put("grant_type", "password");
            form.put("username", user);
            form.put("password", password);
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenUrl)
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            if ("refresh_token".equals(form.get("grant_type"))) {
                refreshToken = null;
                return current();
            }
            throw new IOException("no token for " + user + " from " + tokenUrl + ": HTTP " + response.statusCode()
                    + " " + Rest.abbreviate(response.body()));
        }
        JsonNode token = json.readTree(response.body());
        accessToken = token.path("access_token").asText();
        accessExpiresAt = now + Duration.ofSeconds(token.path("expires_in").asLong(300)).toNanos();
        refreshToken = token.path("refresh_token").asText(null);
        refreshExpiresAt = now + Duration.ofSeconds(token.path("refresh_expires_in").asLong(0)).toNanos();
        return accessToken;
    }

    URI url() {
        return tokenUrl;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
