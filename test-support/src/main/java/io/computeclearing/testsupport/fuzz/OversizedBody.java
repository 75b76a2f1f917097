package io.computeclearing.testsupport.fuzz;

import io.restassured.RestAssured;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A request announcing a body of 9 MB, past the services' 8 MB limit, over a raw socket: the service answers 413 and
 * closes the connection as soon as it reads the length, which an HTTP client still writing the body reports as a
 * broken pipe instead of the answer.
 */
final class OversizedBody {

    static final int LENGTH = 9 * 1024 * 1024;
    private static final int SENT = 64 * 1024;

    private OversizedBody() {
    }

    static FuzzAnswer send(String method, String path, Map<String, String> headers, String contentType, String token)
            throws IOException {
        URI base = URI.create(RestAssured.baseURI);
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + base.getHost()
                + "\r\nAuthorization: Bearer " + token + "\r\nAccept: */*\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + LENGTH + "\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("\r\n");
        try (Socket socket = new Socket(base.getHost(), RestAssured.port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            try {
                out.write(" ".repeat(SENT).getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (SocketException closed) {
                // The service refused before the start of the body arrived; its answer is still there to read.
            }
            return read(socket.getInputStream());
        }
    }

    private static FuzzAnswer read(InputStream in) throws IOException {
        String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        int headEnd = response.indexOf("\r\n\r\n");
        if (headEnd < 0 || response.length() < 12) {
            throw new IOException("no complete answer: " + response);
        }
        String head = response.substring(0, headEnd);
        String contentType = null;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                contentType = line.substring("content-type:".length()).strip();
            }
        }
        return new FuzzAnswer(Integer.parseInt(head.substring(9, 12)), contentType, response.substring(headEnd + 4));
    }
}
