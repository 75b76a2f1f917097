package io.computeclearing.platform.outbox;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.parking.Consumption;
import io.computeclearing.platform.parking.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test event type and an idempotent consumer that counts what it applies, in order. A counter named in
 * {@link #refuse} cannot be applied (as a value too large for its column would be) until it is taken out again.
 */
@ApplicationScoped
public class ProbeEvents implements EventConsumer {

    public static final String TOPIC = "platform.test.probe";
    public static final String CHANNEL = "probe";
    public static final EventType<Increment> INCREMENT = EventType.of(TOPIC, "counter", "Increment", 1, Increment.class);

    public record Increment(String counter, long by) {
    }

    /** Counters this consumer refuses to apply: the switch a test turns to make an event fail, and then fixes. */
    private static final Set<String> REFUSING = ConcurrentHashMap.newKeySet();

    private final EntityManager em;
    private final Consumption consumption;

    public ProbeEvents(EntityManager em, Consumption consumption) {
        this.em = em;
        this.consumption = consumption;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public List<EventType<?>> accepts() {
        return List.of(INCREMENT);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onProbeEvent(ConsumerRecord<String, String> record) {
        consumption.apply(this, record);
    }

    @Override
    public void apply(EventEnvelope event) {
        Increment increment = EventCodec.payload(event, INCREMENT);
        em.createNativeQuery("""
                        insert into probe_counter (name, value) values (:name, :by)
                        on conflict (name) do update set value = probe_counter.value + excluded.value""")
                .setParameter("name", increment.counter())
                .setParameter("by", increment.by())
                .executeUpdate();
        // Applied, in order: the order test reads this back.
        em.createNativeQuery("insert into probe_applied (counter, by) values (:name, :by)")
                .setParameter("name", increment.counter())
                .setParameter("by", increment.by())
                .executeUpdate();
        if (REFUSING.contains(increment.counter())) {
            throw new ArithmeticException("numeric field overflow: " + increment.counter() + " is switched off");
        }
    }

    /** From now on, an increment of this counter fails, as a value too large for its column would. */
    public void refuse(String counter) {
        REFUSING.add(counter);
    }

    /** The cause is fixed: increments of this counter apply again. */
    public void fix(String counter) {
        REFUSING.remove(counter);
    }

    @Transactional
    public long counter(String name) {
        Number value = (Number) em.createNativeQuery("select coalesce(sum(value), 0) from probe_counter where name = :name")
                .setParameter("name", name)
                .getSingleResult();
        return value.longValue();
    }

    /** The increments applied to a counter, in the order they were applied. */
    @Transactional
    public List<Long> applied(String name) {
        return em.createNativeQuery("select by from probe_applied where counter = :name order by position", Long.class)
                .setParameter("name", name)
                .getResultList();
    }
}
