package io.computeclearing.platform.outbox;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A test event type and an idempotent consumer that counts what it applies. */
@ApplicationScoped
public class ProbeEvents {

    public static final String TOPIC = "platform.test.probe";
    public static final EventType<Increment> INCREMENT = EventType.of(TOPIC, "counter", "Increment", 1, Increment.class);

    public record Increment(String counter, long by) {
    }

    private final EntityManager em;
    private final Inbox inbox;

    public ProbeEvents(EntityManager em, Inbox inbox) {
        this.em = em;
        this.inbox = inbox;
    }

    @Incoming("probe")
    @Blocking
    @Transactional
    public void apply(String message) {
        inbox.receive("probe", message, INCREMENT).ifPresent(this::apply);
    }

    private void apply(EventEnvelope event) {
        Increment increment = EventCodec.payload(event, INCREMENT);
        em.createNativeQuery("""
                        insert into probe_counter (name, value) values (:name, :by)
                        on conflict (name) do update set value = probe_counter.value + excluded.value""")
                .setParameter("name", increment.counter())
                .setParameter("by", increment.by())
                .executeUpdate();
    }

    @Transactional
    public long counter(String name) {
        Number value = (Number) em.createNativeQuery("select coalesce(sum(value), 0) from probe_counter where name = :name")
                .setParameter("name", name)
                .getSingleResult();
        return value.longValue();
    }
}
