package io.computeclearing.loaddriver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JSON over HTTP with the back office's bearer token: the services' REST APIs as the driver calls them. */
final class Rest {

    /** An answer: status and body; status -1 when there was none (connection refused, timeout). */
    record Response(int status, String body) {

        boolean ok() {
            return status == 200 || status == 201;
        }

        @Override
        public String toString() {
            return status == -1 ? "no answer (" + body + ")" : "HTTP " + status + " " + abbreviate(body);
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final ObjectMapper json;
    private final KeycloakToken token;

    Rest(HttpClient http, ObjectMapper json, KeycloakToken token) {
        this.http = http;
        this.json = json;
        this.token = token;
    }

    Response get(URI url) throws InterruptedException {
        return send(url, "GET", null, TIMEOUT);
    }

    Response post(URI url, Object body) throws InterruptedException {
        try {
            return send(url, "POST", body == null ? null : json.writeValueAsBytes(body), TIMEOUT);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + body + " as JSON", e);
        }
    }

    /** POSTs JSON already written, waiting at most {@code timeout} for the answer. */
    Response post(URI url, byte[] body, Duration timeout) throws InterruptedException {
        return send(url, "POST", body, timeout);
    }

    JsonNode read(Response response) throws IOException {
        return json.readTree(response.body());
    }

    private Response send(URI url, String method, byte[] body, Duration timeout) throws InterruptedException {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Authorization", "Bearer " + token.current())
                    .header("Accept", "application/json");
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Response(-1, describe(e));
        }
    }

    /** An exception as one line: its message, or its kind when it has none (a refused connection has none). */
    static String describe(Exception e) {
        if (e instanceof LoadRunFailure) {
            return e.getMessage();
        }
        String message = e.getMessage() == null && e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    static String abbreviate(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
    }
}
