package io.computeclearing.client;

/**
 * Where the client gets the bearer token for each request. Called once per request from any thread: an
 * implementation returns a cached token quickly and renews it before it expires.
 *
 * @see OidcTokenSource for Keycloak (client credentials for a member's system, password grant for people)
 */
@FunctionalInterface
public interface TokenSource {

    /** A token valid for the request about to be sent; {@link ClearingHouseException} when none can be had. */
    String accessToken();

    /** Always the same token: for tests, or a token obtained elsewhere. */
    static TokenSource fixed(String accessToken) {
        if (accessToken == null || accessToken.isBlank()) {
            throw new IllegalArgumentException("a fixed token must not be blank");
        }
        return () -> accessToken;
    }
}
