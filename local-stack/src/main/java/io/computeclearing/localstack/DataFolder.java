package io.computeclearing.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The stack's bookkeeping in {@code .stack/}: which launcher owns the folder ({@code local-stack.pid}) and which
 * processes it started ({@code processes}), so that a second launcher, or one after a {@code kill -9}, can say what is
 * in the way instead of failing on a port.
 */
final class DataFolder {

    private static final String PID_FILE = "local-stack.pid";
    private static final String PROCESS_LIST = "processes";

    private final Path data;
    private boolean claimed;

    DataFolder(Path data) {
        this.data = data;
    }

    Path path() {
        return data;
    }

    Path logs() {
        return data.resolve("logs");
    }

    /** The pid of another launcher that is running on this folder now, if any. */
    Optional<Long> runningLauncher() {
        try {
            Path pidFile = data.resolve(PID_FILE);
            if (Files.exists(pidFile)) {
                long pid = Long.parseLong(Files.readString(pidFile).strip());
                return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                        .filter(p -> p.info().commandLine().orElse("").contains("local-stack"))
                        .map(ProcessHandle::pid);
            }
        } catch (IOException | NumberFormatException ignored) {
            // A damaged pid file is as good as none.
        }
        return Optional.empty();
    }

    /**
     * Processes recorded by an earlier launcher that is gone (killed hard) but left its children running, as a hint
     * for the port message; empty when there are none.
     */
    String leftovers() {
        List<String> alive = new ArrayList<>();
        List<String> pids = new ArrayList<>();
        try {
            Path list = data.resolve(PROCESS_LIST);
            if (Files.exists(list)) {
                for (String line : Files.readAllLines(list)) {
                    String[] nameAndPid = line.split(" ");
                    alive(Long.parseLong(nameAndPid[1])).ifPresent(pid -> {
                        alive.add(nameAndPid[0] + " pid " + pid);
                        pids.add(Long.toString(pid));
                    });
                }
            }
            Path postmaster = data.resolve("postgres/postmaster.pid");
            if (Files.exists(postmaster)) {
                alive(Long.parseLong(Files.readAllLines(postmaster).getFirst().strip())).ifPresent(pid -> {
                    alive.add("postgres pid " + pid);
                    pids.add(Long.toString(pid));
                });
            }
        } catch (IOException | RuntimeException ignored) {
            // Only a hint.
        }
        return alive.isEmpty() ? "" : System.lineSeparator() + "  left over from an earlier run that was killed hard: "
                + String.join(", ", alive) + System.lineSeparator() + "  stop them with: kill " + String.join(" ", pids);
    }

    private static Optional<Long> alive(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
    }

    /** Marks the folder as this launcher's; only after this does {@link #release()} touch the bookkeeping files. */
    synchronized void claim() {
        try {
            Files.createDirectories(logs());
            Files.writeString(data.resolve(PID_FILE), ProcessHandle.current().pid() + System.lineSeparator());
            Files.deleteIfExists(data.resolve(PROCESS_LIST));
            claimed = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + data + ": " + e.getMessage(), e);
        }
    }

    synchronized boolean isClaimed() {
        return claimed;
    }

    void record(ChildProcess process) {
        try {
            Files.writeString(data.resolve(PROCESS_LIST), process.name() + " " + process.pid() + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // Only a hint for the next start.
        }
    }

    /** After a clean stop nothing is left over: forget the pid and the process list. */
    synchronized void release() {
        if (!claimed) {
            return;
        }
        try {
            Files.deleteIfExists(data.resolve(PID_FILE));
            Files.deleteIfExists(data.resolve(PROCESS_LIST));
        } catch (IOException ignored) {
            // Only used for a friendlier message on the next start.
        }
    }
}
