package io.computeclearing.systemtest;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for an asynchronous effect (an event travelling through Kafka to another service) with a deadline: the probe is
 * repeated until its result is right, and a timeout fails with the last result seen. Never a fixed sleep.
 */
final class Eventually {

    /**
     * Long enough for a consumer group to take back the partitions of a service that stopped while the broker was down
     * (it could not leave the group: the broker waits for its session timeout, 45 s) and then catch up.
     */
    static final Duration EVENTS = Duration.ofSeconds(150);

    private Eventually() {
    }

    static <T> T until(String what, Supplier<T> probe, Predicate<T> done) {
        return until(what, EVENTS, probe, done);
    }

    static <T> T until(String what, Duration timeout, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what + "; last seen: " + last);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
            last = probe.get();
        }
        return last;
    }
}
