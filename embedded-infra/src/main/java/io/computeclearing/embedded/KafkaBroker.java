package io.computeclearing.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A real Kafka broker (KRaft, combined broker and controller) running inside this JVM. It can be stopped and started
 * again on the same port and log directory, which is how tests take the broker away and bring it back.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String CLUSTER_ID = "Y2NwLWxvY2FsLWthZmthMQ";

    private final Path logDirectory;
    private final int brokerPort;
    private final int controllerPort;
    private KafkaRaftServer server;

    private KafkaBroker(Path logDirectory, int brokerPort, int controllerPort) {
        this.logDirectory = logDirectory;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
    }

    /** A broker on free ports with its log in a new temporary folder. */
    public static KafkaBroker startForTests() {
        try {
            int[] ports = freePorts(2);
            return start(Files.createTempDirectory("kafka-test-"), ports[0], ports[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A broker on the given ports whose log stays in {@code logDirectory}; formats the folder on first use. */
    public static KafkaBroker start(Path logDirectory, int brokerPort, int controllerPort) {
        KafkaBroker broker = new KafkaBroker(logDirectory, brokerPort, controllerPort);
        broker.format();
        broker.start();
        return broker;
    }

    public String bootstrapServers() {
        return "localhost:" + brokerPort;
    }

    /** Starts the broker again after {@link #stop()}, with the same data. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        server = new KafkaRaftServer(new KafkaConfig(properties(), false), Time.SYSTEM);
        server.startup();
    }

    /** Stops the broker; clients see it as unreachable until {@link #start()}. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    @Override
    public void close() {
        stop();
    }

    private void format() {
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDirectory);
            Path config = Files.createTempFile("kafka-format-", ".properties");
            try (var out = Files.newOutputStream(config)) {
                properties().store(out, null);
            }
            int exit = kafka.tools.StorageTool.execute(
                    new String[] {"format", "--cluster-id", CLUSTER_ID, "--config", config.toString(),
                            "--ignore-formatted"},
                    System.out);
            if (exit != 0) {
                throw new IllegalStateException("kafka storage format failed with exit code " + exit);
            }
            Files.deleteIfExists(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.put("listeners", "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDirectory.toString());
        p.put("num.partitions", "3");
        p.put("auto.create.topics.enable", "true");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        return p;
    }

    /** Distinct ports that are free now (all held open together while chosen); the broker keeps them across restarts. */
    public static int[] freePorts(int count) {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0);
                sockets[i].setReuseAddress(true);
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // closing a probe socket cannot lose anything
                    }
                }
            }
        }
    }
}
