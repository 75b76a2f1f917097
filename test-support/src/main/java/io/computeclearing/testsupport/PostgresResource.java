package io.computeclearing.testsupport;

import io.computeclearing.embedded.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gives a Quarkus test a fresh database on a real PostgreSQL server. One server runs per test JVM; every application
 * start (a new test profile, say) gets a database of its own, so no test sees another's rows.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer server;

    /** The server every test in this JVM shares; started on first use, stopped when the JVM exits. */
    public static synchronized PostgresServer server() {
        if (server == null) {
            server = PostgresServer.startForTests();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-postgres-stop"));
        }
        return server;
    }

    @Override
    public Map<String, String> start() {
        String database = "test_" + DATABASES.incrementAndGet();
        server().createDatabase(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", server().jdbcUrl(database),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD);
    }

    @Override
    public void stop() {
        // The server outlives one application so that the next one starts in about a second.
    }
}
