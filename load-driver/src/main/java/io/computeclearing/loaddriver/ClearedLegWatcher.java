package io.computeclearing.loaddriver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads {@code ccp.clearing.trades.v1} from where it ended before the run and counts the run's {@code TradeCleared}
 * legs: two per accepted trade (BUY for the buyer's account, SELL for the seller's). Other runs' and other sources'
 * events are told apart by the exchange trade id prefix. Delivery is at least once, so a leg is counted once however
 * often it arrives. One thread polls; others read the count and the time the last new leg was seen.
 */
final class ClearedLegWatcher implements AutoCloseable {

    static final String TOPIC = "ccp.clearing.trades.v1";
    static final String TRADE_CLEARED = "TradeCleared";

    private final KafkaConsumer<String, String> consumer;
    private final ObjectMapper json;
    private final String idPrefix;
    private final int trades;
    private final Thread poller;
    /** Bit {@code 2n} is trade n's BUY leg, bit {@code 2n+1} its SELL leg. */
    private final BitSet legs = new BitSet();
    private volatile boolean running = true;
    private volatile int distinctLegs;
    private volatile long lastNewLegAt;
    private volatile long redeliveries;
    private volatile Exception failure;

    /**
     * Subscribes at the topic's current end (creating the topic if the broker has never seen it, as the service's
     * producer would) and starts polling.
     *
     * @param trades the run's trades are numbered 0 to {@code trades - 1} after {@code idPrefix}
     */
    ClearedLegWatcher(String bootstrapServers, ObjectMapper json, String idPrefix, int trades) {
        this.json = json;
        this.idPrefix = idPrefix;
        this.trades = trades;
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "load-driver");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        this.consumer = new KafkaConsumer<>(config);
        try {
            List<PartitionInfo> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30));
            if (partitions == null || partitions.isEmpty()) {
                createTopic(bootstrapServers);
                partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30));
            }
            if (partitions == null || partitions.isEmpty()) {
                throw new LoadRunFailure("Kafka at " + bootstrapServers + " has no topic " + TOPIC);
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToEnd(assigned);
            // Resolve the end offsets now, before any trade is submitted: seekToEnd alone is lazy.
            assigned.forEach(p -> consumer.position(p, Duration.ofSeconds(30)));
        } catch (RuntimeException e) {
            consumer.close(Duration.ofSeconds(5));
            throw e instanceof LoadRunFailure f ? f
                    : new LoadRunFailure("cannot read " + TOPIC + " from Kafka at " + bootstrapServers + ": " + e);
        }
        this.poller = Thread.ofPlatform().name("cleared-leg-watcher").daemon().start(this::poll);
    }

    /**
     * Before the first trade ever cleared, the topic does not exist yet; the service's producer would have the broker
     * create it with its defaults on first use, which is exactly what this does (a producer racing us is fine).
     */
    private static void createTopic(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, Optional.empty(), Optional.empty()))).all()
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new LoadRunFailure("cannot create " + TOPIC + " at " + bootstrapServers + ": " + e.getCause());
            }
        } catch (TimeoutException e) {
            throw new LoadRunFailure("cannot create " + TOPIC + " at " + bootstrapServers + ": no answer in 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadRunFailure("interrupted while creating " + TOPIC);
        }
    }

    /** Distinct legs of this run's trades seen so far. */
    int distinctLegs() {
        return distinctLegs;
    }

    /** {@link System#nanoTime()} when the latest new leg was seen; 0 before the first. */
    long lastNewLegAt() {
        return lastNewLegAt;
    }

    /** Legs of this run that arrived more than once (at-least-once delivery). */
    long redeliveries() {
        return redeliveries;
    }

    /** Whether trade {@code sequence}'s leg on {@code side} has been seen. */
    synchronized boolean seen(int sequence, boolean buy) {
        return legs.get(2 * sequence + (buy ? 0 : 1));
    }

    /** Waits until {@code expected} distinct legs were seen or the deadline passes; true if they were. */
    boolean await(int expected, Deadline deadline) throws InterruptedException {
        while (distinctLegs < expected) {
            if (failure != null) {
                throw new LoadRunFailure("reading " + TOPIC + " failed: " + failure);
            }
            if (deadline.passed()) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    count(record);
                }
            }
        } catch (WakeupException stopping) {
            // close() woke the poll up
        } catch (Exception e) {
            failure = e;
        }
    }

    private void count(ConsumerRecord<String, String> record) throws IOException {
        Header type = record.headers().lastHeader("event-type");
        if (type != null && !TRADE_CLEARED.equals(new String(type.value(), StandardCharsets.UTF_8))) {
            return;
        }
        String value = record.value();
        if (value == null || !value.contains(idPrefix)) {
            return;
        }
        JsonNode envelope = json.readTree(value);
        if (!TRADE_CLEARED.equals(envelope.path("type").asText())) {
            return;
        }
        JsonNode payload = envelope.path("payload");
        int sequence = TradeGenerator.sequenceOf(idPrefix, payload.path("exchangeTradeId").asText(null));
        if (sequence < 0 || sequence >= trades) {
            return;
        }
        int bit = 2 * sequence + ("BUY".equals(payload.path("side").asText()) ? 0 : 1);
        synchronized (this) {
            if (legs.get(bit)) {
                redeliveries++;
                return;
            }
            legs.set(bit);
            lastNewLegAt = System.nanoTime();
            distinctLegs++;
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            poller.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close(Duration.ofSeconds(5));
    }
}
