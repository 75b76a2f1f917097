package io.computeclearing.platform.outbox;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.event.Observes;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes committed outbox events to Kafka in outbox order, keyed by aggregate id, and marks each one published only
 * after the broker acknowledged it. Delivery is at least once: a crash between the acknowledgement and the commit
 * publishes an event again, which consumers absorb through their inbox. A PostgreSQL advisory lock lets only one
 * replica relay at a time, so one aggregate's events are never overtaken by another replica.
 */
@ApplicationScoped
public class OutboxRelay {

    /** The outgoing channel; the topic of each record comes from its event type. */
    public static final String CHANNEL = "outbox";

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x63_63_70_2d_6f_75_74L; // "ccp-out"

    @Inject
    EntityManager em;

    @Inject
    @Channel(CHANNEL)
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<String> emitter;

    @Inject
    OutboxConfig config;

    @Inject
    Clock clock;

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    void start(@Observes StartupEvent startup) {
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        wakeUp.release();
    }

    /** Called after a transaction that recorded events has committed, so they go out without waiting for the poll. */
    void committed() {
        wakeUp.release();
    }

    private void run() {
        while (running) {
            try {
                wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                if (running) {
                    relayPending();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("outbox relay interrupted, will retry: %s", rootMessage(e));
            }
        }
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgePublished() {
        if (!running) {
            return; // shutting down: the database may already be gone
        }
        Instant cutoff = clock.instant().minus(config.retention());
        int purged = QuarkusTransaction.requiringNew().call(() -> em
                .createQuery("delete from OutboxEvent e where e.publishedAt < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate());
        if (purged > 0) {
            LOG.debugf("purged %d published outbox events older than %s", purged, cutoff);
        }
    }

    /** Publishes every pending event it can; returns how many were acknowledged. */
    public int relayPending() {
        int total = 0;
        int published;
        do {
            published = QuarkusTransaction.requiringNew().call(this::publishBatch);
            total += published;
        } while (published == config.batchSize());
        return total;
    }

    private int publishBatch() {
        boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(:key)")
                .setParameter("key", RELAY_LOCK)
                .getSingleResult();
        if (!locked) {
            return 0;
        }
        List<OutboxEvent> pending = em
                .createQuery("from OutboxEvent e where e.publishedAt is null order by e.position", OutboxEvent.class)
                .setMaxResults(config.batchSize())
                .getResultList();
        List<CompletableFuture<Void>> acks = new ArrayList<>(pending.size());
        for (OutboxEvent event : pending) {
            acks.add(send(event));
        }
        long deadline = System.nanoTime() + config.ackTimeout().toNanos();
        Instant now = clock.instant();
        int published = 0;
        for (int i = 0; i < pending.size(); i++) {
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                // Stop at the first unacknowledged event so that nothing after it is marked ahead of it.
                LOG.warnf("broker did not acknowledge outbox event %d (%s); %d pending events wait for the next attempt",
                        pending.get(i).position, rootMessage(e), pending.size() - i);
                break;
            }
            pending.get(i).publishedAt = now;
            published++;
        }
        return published;
    }

    private CompletableFuture<Void> send(OutboxEvent event) {
        EventEnvelope envelope = new EventEnvelope(event.eventId, event.eventType, event.schemaVersion,
                event.aggregateType, event.aggregateId, event.position, source, event.occurredAt,
                EventCodec.parseTree(event.payload));
        CompletableFuture<Void> ack = new CompletableFuture<>();
        RecordHeaders headers = new RecordHeaders();
        headers.add("event-type", event.eventType.getBytes(StandardCharsets.UTF_8));
        headers.add("event-id", event.eventId.toString().getBytes(StandardCharsets.UTF_8));
        Message<String> message = Message.of(EventCodec.encode(envelope))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(event.topic)
                        .withKey(event.aggregateId)
                        .withHeaders(headers)
                        .build())
                .withAck(() -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            ack.completeExceptionally(e);
        }
        return ack;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
