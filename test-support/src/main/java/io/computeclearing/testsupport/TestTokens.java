package io.computeclearing.testsupport;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Set;

/**
 * Signed access tokens for service tests, accepted by the WireMock OIDC issuer of {@code quarkus-test-oidc-server}
 * (same key, same issuer). Roles travel in the {@code groups} claim, the member in {@code member_id}, as the
 * Keycloak realm's mappers put them.
 */
public final class TestTokens {

    public static final String ISSUER = "https://server.example.com";
    /** The audience every service requires ({@code quarkus.oidc.token.audience} in platform's configuration). */
    public static final String AUDIENCE = "compute-clearing";

    private static PrivateKey signingKey;

    private TestTokens() {
    }

    public static String backOffice() {
        return token("back.office", Set.of("back-office"), null);
    }

    public static String risk() {
        return token("risk.officer", Set.of("risk"), null);
    }

    public static String admin() {
        return token("admin", Set.of("admin"), null);
    }

    /** A member user acting for {@code memberId}. */
    public static String member(String memberId) {
        return token(memberId.toLowerCase() + ".user", Set.of("member"), memberId);
    }

    public static String token(String user, Set<String> roles, String memberId) {
        return token(user, roles, memberId, AUDIENCE);
    }

    /** A token for another audience (an ID token's or another client's), which the services must refuse. */
    public static String token(String user, Set<String> roles, String memberId, String audience) {
        JwtClaimsBuilder claims = Jwt.preferredUserName(user)
                .subject(user)
                .issuer(ISSUER)
                .audience(audience)
                .groups(roles)
                .expiresIn(Duration.ofHours(1));
        if (memberId != null) {
            claims.claim("member_id", memberId);
        }
        return claims.jws().keyId("1").sign(key());
    }

    private static synchronized PrivateKey key() {
        if (signingKey == null) {
            try {
                signingKey = (PrivateKey) KeyUtils.readSigningKey("privateKey.jwk", "1", SignatureAlgorithm.RS256);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return signingKey;
    }
}
