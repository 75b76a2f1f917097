package io.computeclearing.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A process the stack started (Keycloak, a service), its output in {@code .stack/logs/<name>.log}. The previous run's
 * log is kept as {@code <name>.previous.log}.
 */
final class ChildProcess {

    private final String name;
    private final Path log;
    private final Process process;

    private ChildProcess(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path workingDirectory,
                              Path logDirectory) {
        try {
            Files.createDirectories(logDirectory);
            Path log = logDirectory.resolve(name + ".log");
            if (Files.exists(log)) {
                Files.move(log, logDirectory.resolve(name + ".previous.log"), StandardCopyOption.REPLACE_EXISTING);
            }
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(environment);
            return new ChildProcess(name, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitCode() {
        return process.exitValue();
    }

    /** Completes when the process has ended, for whatever reason. */
    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /**
     * Asks the process to stop (SIGTERM), waits up to {@code grace}, then kills it. Its descendants (the JVM behind
     * Keycloak's start script) get the same treatment, so nothing outlives the stack.
     */
    void stop(Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        awaitExit(process.toHandle(), grace);
        for (ProcessHandle child : descendants) {
            if (child.isAlive()) {
                child.destroy();
                awaitExit(child, Duration.ofSeconds(5));
            }
        }
    }

    private static void awaitExit(ProcessHandle handle, Duration grace) {
        try {
            handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception stillRunning) {
            handle.descendants().forEach(ProcessHandle::destroyForcibly);
            handle.destroyForcibly();
            try {
                handle.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // Reported by the caller's final process check.
            }
        }
    }

    /** Whether the log of this run contains {@code text} (for start failures the process survives). */
    boolean logContains(String text) {
        try (Stream<String> all = Files.lines(log)) {
            return all.anyMatch(line -> line.contains(text));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /**
     * What explains a failed start: the first ERROR line and what follows it (the exception and the top of its stack
     * trace), else the last lines.
     */
    String failureExcerpt() {
        try {
            List<String> lines = Files.readAllLines(log);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("ERROR")) {
                    return String.join(System.lineSeparator(), lines.subList(i, Math.min(lines.size(), i + 12)));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return "(log not readable: " + e.getMessage() + ")";
        }
        return tail(25);
    }

    /** The last lines of the log, to show why a process failed without sending the user to the file first. */
    String tail(int lines) {
        Deque<String> last = new ArrayDeque<>();
        try (Stream<String> all = Files.lines(log)) {
            all.forEach(line -> {
                last.addLast(line);
                if (last.size() > lines) {
                    last.removeFirst();
                }
            });
        } catch (IOException | UncheckedIOException e) {
            return "(log not readable: " + e.getMessage() + ")";
        }
        return String.join(System.lineSeparator(), last);
    }
}
