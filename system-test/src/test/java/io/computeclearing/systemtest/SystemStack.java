package io.computeclearing.systemtest;

import io.computeclearing.localstack.LocalStack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/**
 * The whole clearing house as production runs it, started by the local-stack launcher in a fresh data folder: embedded
 * PostgreSQL 17 (54320), a Kafka broker inside this JVM (9092), Keycloak with the repository's realm (8180) and the five
 * packaged services, each its own JVM (8081-8085). The services' jars and the Keycloak distribution come from
 * {@code -Dccp.repository.root} (default: this checkout), so the reactor must have packaged them first.
 */
final class SystemStack {

    static final List<String> SERVICES = List.of("account-service", "clearing-service", "margin-service",
            "settlement-service", "risk-service");

    private final LocalStack stack;
    private final Path data;

    private SystemStack(LocalStack stack, Path data) {
        this.stack = stack;
        this.data = data;
    }

    /** Starts everything or fails naming what is missing (a jar, a port) or which log explains the failure. */
    static SystemStack start() {
        Path root = repositoryRoot();
        requireBuilt(root);
        Path data = Path.of(System.getProperty("ccp.system-test.data", "target/system-stack")).toAbsolutePath();
        deleteRecursively(data);
        LocalStack stack = LocalStack.create(root, data, System.out);
        SystemStack started = new SystemStack(stack, data);
        try {
            List<String> running = stack.start();
            if (!running.containsAll(SERVICES)) {
                throw new IllegalStateException("only " + running + " started, the system test needs " + SERVICES);
            }
        } catch (LocalStack.StartFailure | RuntimeException e) {
            System.out.println(started.logTails(60));
            stack.stop();
            throw new IllegalStateException("the system under test did not start: " + e.getMessage(), e);
        }
        return started;
    }

    void stopService(String name) {
        stack.stopService(name);
    }

    void startService(String name) {
        try {
            stack.startService(name);
        } catch (LocalStack.StartFailure e) {
            throw new IllegalStateException(name + " did not start again: " + e.getMessage(), e);
        }
    }

    void stopKafka() {
        stack.stopKafka();
    }

    void startKafka() {
        stack.startKafka();
    }

    /** Plays the local stack's demo month from {@code firstBusinessDay}; the failed steps, empty when all passed. */
    List<String> playDemo(LocalDate firstBusinessDay) {
        return stack.playDemo(firstBusinessDay, false);
    }

    void stop() {
        stack.stop();
    }

    /** A connection to one service's own database, for the checks no REST endpoint shows (the ledger's books). */
    static Connection database(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:54320/" + name, "postgres", "postgres");
    }

    /** The last lines of every service's log and Keycloak's, to explain a failure without opening the data folder. */
    String logTails(int lines) {
        StringBuilder text = new StringBuilder();
        List<String> names = new ArrayList<>(SERVICES);
        names.add("keycloak");
        for (String name : names) {
            Path log = stack.log(name);
            text.append(System.lineSeparator()).append("---- last ").append(lines).append(" lines of ").append(log)
                    .append(System.lineSeparator()).append(tail(log, lines));
        }
        return text.toString();
    }

    private static String tail(Path log, int lines) {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        Deque<String> last = new ArrayDeque<>();
        try (Stream<String> all = Files.lines(log)) {
            all.forEach(line -> {
                last.addLast(line);
                if (last.size() > lines) {
                    last.removeFirst();
                }
            });
        } catch (IOException | UncheckedIOException e) {
            return "(not readable: " + e.getMessage() + ")";
        }
        return String.join(System.lineSeparator(), last);
    }

    Path data() {
        return data;
    }

    private static Path repositoryRoot() {
        String configured = System.getProperty("ccp.repository.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("local-stack/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root; set -Dccp.repository.root");
    }

    /** The five services' packaged applications and the Keycloak zip must exist: this module runs after they are built. */
    private static void requireBuilt(Path root) {
        List<String> missing = new ArrayList<>();
        for (String service : SERVICES) {
            Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.isRegularFile(jar)) {
                missing.add(jar.toString());
            }
        }
        Path keycloak = root.resolve("local-stack/target/keycloak-dist");
        try (Stream<Path> files = Files.exists(keycloak) ? Files.list(keycloak) : Stream.empty()) {
            if (files.noneMatch(f -> f.getFileName().toString().endsWith(".zip"))) {
                missing.add(keycloak.resolve("keycloak-quarkus-dist-<version>.zip").toString());
            }
        } catch (IOException e) {
            missing.add(keycloak + " (" + e.getMessage() + ")");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the system test runs the packaged services, but these are not built: "
                    + String.join(", ", missing) + ". Build them first (./mvnw -B package -DskipTests -pl "
                    + "account-service,clearing-service,margin-service,settlement-service,risk-service,local-stack), or run the "
                    + "whole build (./ccp test), or point -Dccp.repository.root at a checkout where they are built.");
        }
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + folder + " for a fresh start: " + e.getMessage(), e);
        }
    }
}
