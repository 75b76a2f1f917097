package io.computeclearing.client;

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
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * Access tokens from an OpenID Connect token endpoint (Keycloak's realm {@code ccp}), cached and renewed before they
 * expire: with the refresh token while it is valid, else with the grant again (client credentials grants come without
 * a refresh token). Thread-safe; requests read the cached token without waiting, only a renewal takes a lock, and
 * while one thread renews the others wait for its token instead of asking for their own.
 */
public final class OidcTokenSource implements TokenSource {

    /**
     * Renew when less than this is left, so that no request leaves with a token that expires on the way (of a token
     * living less than twice as long: at half its life).
     */
    public static final Duration DEFAULT_RENEW_BEFORE = Duration.ofSeconds(60);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI tokenEndpoint;
    private final Map<String, String> grant;
    private final String clientId;
    private final String subject;
    private final InstantSource clock;
    private final Duration renewBefore;
    private final ReentrantLock renewing = new ReentrantLock();

    private volatile Token current;

    private OidcTokenSource(HttpClient http, URI tokenEndpoint, String clientId, Map<String, String> grant,
                            String subject, InstantSource clock, Duration renewBefore) {
        this.http = http;
        this.tokenEndpoint = tokenEndpoint;
        this.clientId = clientId;
        this.grant = Map.copyOf(grant);
        this.subject = subject;
        this.clock = clock;
        this.renewBefore = renewBefore;
    }

    /** Keycloak's token endpoint of a realm: {@code <keycloak>/realms/<realm>/protocol/openid-connect/token}. */
    public static URI keycloakTokenEndpoint(URI keycloak, String realm) {
        String base = keycloak.toString().endsWith("/") ? keycloak.toString() : keycloak + "/";
        return URI.create(base + "realms/" + URLEncoder.encode(realm, StandardCharsets.UTF_8)
                + "/protocol/openid-connect/token");
    }

    /** A member's system: the client credentials grant of its confidential client. */
    public static OidcTokenSource clientCredentials(URI tokenEndpoint, String clientId, String clientSecret) {
        return clientCredentials(defaultHttpClient(), tokenEndpoint, clientId, clientSecret);
    }

    public static OidcTokenSource clientCredentials(HttpClient http, URI tokenEndpoint, String clientId,
                                                    String clientSecret) {
        Map<String, String> grant = new LinkedHashMap<>();
        grant.put("grant_type", "client_credentials");
        grant.put("client_secret", clientSecret);
        return new OidcTokenSource(http, tokenEndpoint, clientId, grant, "client " + clientId, InstantSource.system(),
                DEFAULT_RENEW_BEFORE);
    }

    /** A person (the demo users): the password grant of a public client such as {@code ccp-cli}. */
    public static OidcTokenSource password(URI tokenEndpoint, String clientId, String user, String password) {
        return password(defaultHttpClient(), tokenEndpoint, clientId, user, password);
    }

    public static OidcTokenSource password(HttpClient http, URI tokenEndpoint, String clientId, String user,
                                           String password) {
        Map<String, String> grant = new LinkedHashMap<>();
        grant.put("grant_type", "password");
        grant.put("username", user);
        grant.put("password", password);
        return new OidcTokenSource(http, tokenEndpoint, clientId, grant, user, InstantSource.system(),
                DEFAULT_RENEW_BEFORE);
    }

    /** The same grant, with another clock and renewal margin (tests; a realm with short-lived tokens). */
    public OidcTokenSource withClock(InstantSource clock, Duration renewBefore) {
        return new OidcTokenSource(http, tokenEndpoint, clientId, grant, subject, clock, renewBefore);
    }

    public URI tokenEndpoint() {
        return tokenEndpoint;
    }

    @Override
    public String accessToken() {
        Token token = current;
        if (token != null && token.accessUsable(clock.instant())) {
            return token.access();
        }
        renewing.lock();
        try {
            token = current;
            Instant now = clock.instant();
            if (token != null && token.accessUsable(now)) {
                return token.access();
            }
            Token renewed = null;
            if (token != null && token.refreshUsable(now)) {
                renewed = refresh(token.refresh(), now);
            }
            if (renewed == null) {
                Map<String, String> form = new LinkedHashMap<>(grant);
                form.put("client_id", clientId);
                renewed = request(form, now);
            }
            current = renewed;
            return renewed.access();
        } finally {
            renewing.unlock();
        }
    }

    /** The refresh grant; null when the endpoint refuses it (session ended, refresh token revoked): grant again. */
    private Token refresh(String refreshToken, Instant now) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        form.put("client_id", clientId);
        if (grant.containsKey("client_secret")) {
            form.put("client_secret", grant.get("client_secret"));
        }
        try {
            return request(form, now);
        } catch (ProblemException refused) {
            return null;
        }
    }

    private Token request(Map<String, String> form, Instant now) {
        String what = "token for " + subject + " from " + tokenEndpoint;
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(tokenEndpoint).timeout(TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(form(form))).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ClearingHouseException("no " + what + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClearingHouseException("interrupted while asking for a " + what, e);
        }
        if (response.statusCode() != 200) {
            // OAuth 2.0 errors are {"error": ..., "error_description": ...}, not problem documents.
            JsonNode error = readOrEmpty(response.body());
            throw new ProblemException("POST " + tokenEndpoint + " (" + form.get("grant_type") + " grant for " + subject
                    + ")", new Problem(error.path("error").asText("about:blank"), "No token",
                    response.statusCode(), error.path("error_description").asText(null), null, null), response.body());
        }
        JsonNode token = readOrEmpty(response.body());
        String access = token.path("access_token").asText(null);
        if (access == null || access.isBlank()) {
            throw new ClearingHouseException("the answer to the " + what + " has no access_token");
        }
        String refresh = token.path("refresh_token").asText(null);
        return new Token(access, now.plus(renewal(token.path("expires_in").asLong(300))),
                refresh, now.plus(renewal(refresh == null ? 0 : token.path("refresh_expires_in").asLong(0))));
    }

    /** How long after issue a token of {@code lifetime} seconds is renewed: a margin before expiry, at most half. */
    private Duration renewal(long lifetime) {
        Duration life = Duration.ofSeconds(Math.max(lifetime, 0));
        Duration early = life.minus(renewBefore);
        Duration half = life.dividedBy(2);
        return early.compareTo(half) > 0 ? early : half;
    }

    private static JsonNode readOrEmpty(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static HttpClient defaultHttpClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A token as issued; without a refresh token (client credentials) the grant is simply repeated. */
    private record Token(String access, Instant renewAccessAt, String refresh, Instant refreshUsableUntil) {

        boolean accessUsable(Instant now) {
            return now.isBefore(renewAccessAt);
        }

        boolean refreshUsable(Instant now) {
            return refresh != null && now.isBefore(refreshUsableUntil);
        }
    }
}
