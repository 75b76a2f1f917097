package io.computeclearing.client;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a token endpoint in the test: what each grant sends, what is cached, when and how tokens are renewed. */
class OidcTokenSourceTest {

    private HttpServer server;
    private URI endpoint;
    /** The form of every request the endpoint received. */
    private final List<Map<String, String>> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean refusesRefresh;
    private volatile boolean sendsRefreshToken = true;
    private volatile int expiresIn = 300;
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T04:00:00Z"));
    private final InstantSource clock = () -> now.get();

    @BeforeEach
    void startTokenEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/realms/ccp/protocol/openid-connect/token", exchange -> {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.add(form);
            int number = requests.size();
            String body;
            int status = 200;
            if ("refresh_token".equals(form.get("grant_type")) && refusesRefresh) {
                status = 400;
                body = "{\"error\":\"invalid_grant\",\"error_description\":\"Session not active\"}";
            } else if ("wrong".equals(form.get("password"))) {
                status = 401;
                body = "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid user credentials\"}";
            } else {
                body = "{\"access_token\":\"access-" + number + "\",\"expires_in\":" + expiresIn
                        + (sendsRefreshToken ? ",\"refresh_token\":\"refresh-" + number + "\",\"refresh_expires_in\":1800"
                        : "") + ",\"token_type\":\"Bearer\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        endpoint = OidcTokenSource.keycloakTokenEndpoint(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "ccp");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void passwordGrantIsAskedOnceAndTheTokenCachedWhileValid() {
        TokenSource tokens = password("backoffice", "backoffice");

        assertThat(tokens.accessToken()).isEqualTo("access-1");
        now.set(now.get().plusSeconds(239));
        assertThat(tokens.accessToken()).isEqualTo("access-1");

        assertThat(requests).containsExactly(Map.of("grant_type", "password", "username", "backoffice",
                "password", "backoffice", "client_id", "ccp-cli"));
    }

    @Test
    void renewsWithTheRefreshTokenAMinuteBeforeExpiry() {
        TokenSource tokens = password("alice", "alice");
        tokens.accessToken();

        now.set(now.get().plusSeconds(241)); // 59 s left of 300: within the minute's margin
        assertThat(tokens.accessToken()).isEqualTo("access-2");

        assertThat(requests).hasSize(2);
        assertThat(requests.get(1)).isEqualTo(Map.of("grant_type", "refresh_token", "refresh_token", "refresh-1",
                "client_id", "ccp-cli"));
    }

    @Test
    void grantsAgainWhenTheRefreshIsRefusedOrTheRefreshTokenExpired() {
        TokenSource tokens = password("bob", "bob");
        tokens.accessToken();

        refusesRefresh = true;
        now.set(now.get().plusSeconds(250));
        assertThat(tokens.accessToken()).isEqualTo("access-3");
        assertThat(requests).extracting(r -> r.get("grant_type"))
                .containsExactly("password", "refresh_token", "password");

        now.set(now.get().plusSeconds(1800)); // the refresh token of access-3 has expired too: no refresh tried
        assertThat(tokens.accessToken()).isEqualTo("access-4");
        assertThat(requests).extracting(r -> r.get("grant_type"))
                .containsExactly("password", "refresh_token", "password", "password");
    }

    @Test
    void clientCredentialsWithoutRefreshTokenAreGrantedAgainBeforeExpiry() {
        sendsRefreshToken = false;
        TokenSource tokens = OidcTokenSource.clientCredentials(endpoint, "alpha-system", "s3cret")
                .withClock(clock, Duration.ofSeconds(60));

        assertThat(tokens.accessToken()).isEqualTo("access-1");
        assertThat(tokens.accessToken()).isEqualTo("access-1");
        now.set(now.get().plusSeconds(245));
        assertThat(tokens.accessToken()).isEqualTo("access-2");

        assertThat(requests).containsOnly(Map.of("grant_type", "client_credentials", "client_secret", "s3cret",
                "client_id", "alpha-system"));
    }

    @Test
    void aTokenLivingLessThanTwiceTheMarginIsRenewedAtHalfItsLife() {
        expiresIn = 90;
        sendsRefreshToken = false;
        TokenSource tokens = password("risk", "risk");

        assertThat(tokens.accessToken()).isEqualTo("access-1");
        now.set(now.get().plusSeconds(44));
        assertThat(tokens.accessToken()).isEqualTo("access-1");
        now.set(now.get().plusSeconds(1));
        assertThat(tokens.accessToken()).isEqualTo("access-2");
    }

    @Test
    void manyThreadsAtOnceShareOneTokenRequest() throws Exception {
        TokenSource tokens = password("backoffice", "backoffice");
        int threads = 16;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return tokens.accessToken();
                }));
            }
            start.countDown();
            for (Future<String> answer : answers) {
                assertThat(answer.get()).isEqualTo("access-1");
            }
        }
        assertThat(requests).hasSize(1);
    }

    @Test
    void aRefusedGrantIsAProblemWithTheEndpointsError() {
        TokenSource tokens = password("alice", "wrong");

        assertThatThrownBy(tokens::accessToken).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.type()).isEqualTo("invalid_grant");
            assertThat(e.problem().detail()).isEqualTo("Invalid user credentials");
        });
    }

    @Test
    void anUnreachableEndpointIsNoAnswerNotAProblem() {
        server.stop(0);
        TokenSource tokens = password("alice", "alice");

        assertThatThrownBy(tokens::accessToken).isExactlyInstanceOf(ClearingHouseException.class)
                .hasMessageContaining("no token for alice");
    }

    private TokenSource password(String user, String password) {
        return OidcTokenSource.password(endpoint, "ccp-cli", user, password).withClock(clock, Duration.ofSeconds(60));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] parts = pair.split("=", 2);
            fields.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return fields;
    }
}
