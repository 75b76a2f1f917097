package io.computeclearing.platform.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.computeclearing.testsupport.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Oversized requests are refused as problem+json before any resource runs: body (413), URI (414), headers (431).
 * Raw HTTP/1.1 over a socket, so that the request is exactly as big as stated and the body need not be sent.
 */
@QuarkusTest
class RequestLimitsTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void aBodyLargerThanEightMegabytesIs413BeforeItIsRead() throws IOException {
        Answer answer = send("POST /probe/orders HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + TestTokens.admin() + "\r\nContent-Type: application/json\r\nContent-Length: 9000000\r\n\r\n");

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.problem().get("type").asText()).isEqualTo("/problems/http-413");
        assertThat(answer.problem().get("detail").asText())
                .isEqualTo("the request body is 9000000 bytes; at most 8388608 are accepted");
    }

    @Test
    void aUriLongerThan8192CharactersIs414() throws IOException {
        Answer answer = send("GET /probe/orders?asOf=" + "9".repeat(9000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");

        assertThat(answer.status()).isEqualTo(414);
        assertThat(answer.problem().get("type").asText()).isEqualTo("/problems/http-414");
        assertThat(answer.problem().get("title").asText()).isEqualTo("URI Too Long");
        assertThat(answer.problem().get("detail").asText())
                .isEqualTo("the request URI is 9019 characters long; at most 8192 are accepted");
    }

    @Test
    void headersLargerThan16KilobytesAre431() throws IOException {
        Answer answer = send("GET /probe/orders HTTP/1.1\r\nHost: localhost\r\nX-Filler: " + "x".repeat(20_000)
                + "\r\n\r\n");

        assertThat(answer.status()).isEqualTo(431);
        assertThat(answer.problem().get("type").asText()).isEqualTo("/problems/http-431");
        assertThat(answer.problem().get("detail").asText()).startsWith("the request headers take ")
                .endsWith(" bytes; at most 16384 are accepted");
    }

    @Test
    void requestsWithinTheLimitsAreServedAsBefore() throws IOException {
        String body = "{\"side\":\"BUY\",\"quantity\":1,\"price\":2.5}";
        Answer answer = send("POST /probe/orders HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + TestTokens.admin() + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);

        assertThat(answer.status()).isEqualTo(200);
    }

    private record Answer(int status, String head, JsonNode problem) {
    }

    private Answer send(String request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int headEnd = response.indexOf("\r\n\r\n");
            String head = response.substring(0, headEnd);
            String body = response.substring(headEnd + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            if (status != 200) {
                assertThat(head.toLowerCase()).contains("content-type: application/problem+json", "connection: close");
            }
            return new Answer(status, head, status == 200 ? null : new ObjectMapper().readTree(body));
        }
    }
}
