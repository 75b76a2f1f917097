package io.computeclearing.platform.parking;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.computeclearing.platform.inbox.Inbox;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many events wait parked, per consumer: the gauge {@code ccp_parked_events{consumer=...}}. Refreshed from the
 * table after every park, replay and discard, and every 30 seconds (another replica may have changed it), so a
 * scrape never waits for the database.
 */
@ApplicationScoped
public class ParkedCounts {

    private static final Logger LOG = Logger.getLogger(ParkedCounts.class);

    private final ParkedEvents parked;
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> perConsumer = new ConcurrentHashMap<>();

    public ParkedCounts(ParkedEvents parked, MeterRegistry registry) {
        this.parked = parked;
        this.registry = registry;
    }

    /** Every consumer of this service has its gauge from the start, at zero when nothing is parked. */
    void start(@Observes StartupEvent started, Instance<EventConsumer> consumers, Inbox inbox) {
        consumers.forEach(consumer -> gauge(inbox.consumerName(consumer.channel())));
        refresh();
    }

    /** The counts as last read, per consumer. */
    public Map<String, Long> waiting() {
        Map<String, Long> counts = new TreeMap<>();
        perConsumer.forEach((consumer, count) -> counts.put(consumer, count.get()));
        return counts;
    }

    @Scheduled(every = "30s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        Map<String, Long> waiting;
        try {
            waiting = parked.waitingPerConsumer();
        } catch (RuntimeException e) {
            LOG.debugf("parked event counts not refreshed: %s", e.getMessage());
            return;
        }
        perConsumer.forEach((consumer, count) -> count.set(waiting.getOrDefault(consumer, 0L)));
        waiting.forEach((consumer, count) -> gauge(consumer).set(count));
    }

    private AtomicLong gauge(String consumer) {
        return perConsumer.computeIfAbsent(consumer, name -> {
            AtomicLong count = new AtomicLong();
            Gauge.builder("ccp.parked.events", count, AtomicLong::get)
                    .description("Events parked because this consumer could not apply them, or behind one that it"
                            + " could not")
                    .tag("consumer", name)
                    .register(registry);
            return count;
        });
    }
}
