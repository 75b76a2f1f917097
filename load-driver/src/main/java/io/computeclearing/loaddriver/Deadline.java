package io.computeclearing.loaddriver;

import java.time.Duration;

/** The end of the run's time budget ({@code --timeout}); every wait in the driver stops at it. */
record Deadline(long nanos) {

    static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos());
    }

    boolean passed() {
        return System.nanoTime() - nanos >= 0;
    }

    /** Time left, at least one millisecond (an HTTP timeout must be positive). */
    Duration remaining() {
        return Duration.ofNanos(Math.max(nanos - System.nanoTime(), 1_000_000L));
    }
}
