package io.computeclearing.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** The fixed local ports of the stack, so that every developer's URLs, tokens and curl lines are the same. */
final class Ports {

    static final int POSTGRES = 54320;
    static final int KAFKA = 9092;
    static final int KAFKA_CONTROLLER = 9093;
    static final int KEYCLOAK = 8180;
    /** Keycloak's management interface: health and metrics live here, not on the HTTP port. */
    static final int KEYCLOAK_MANAGEMENT = 9000;

    private Ports() {
    }

    /** Whether something already listens on the port or holds it (any interface). */
    static boolean inUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 300);
            return true;
        } catch (IOException nobodyListens) {
            // Also catch a port bound but not yet listening, or bound on another interface. With SO_REUSEADDR, as the
            // servers themselves bind, so that connections of a just-stopped stack in TIME_WAIT do not count.
            try (ServerSocket server = new ServerSocket()) {
                server.setReuseAddress(true);
                server.bind(new InetSocketAddress(port));
                return false;
            } catch (IOException e) {
                return true;
            }
        }
    }
}
