package io.computeclearing.loaddriver;

import java.time.Duration;
import java.util.Arrays;

/** Wall time of each batch request, from sending it to having read the whole answer; percentiles by nearest rank. */
final class BatchLatencies {

    private long[] nanos = new long[64];
    private int count;

    synchronized void record(long elapsedNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = elapsedNanos;
    }

    synchronized int count() {
        return count;
    }

    /**
     * The smallest recorded latency that at least {@code percent} % of requests did not exceed (nearest-rank method:
     * the {@code ceil(percent/100 * n)}-th smallest); zero when nothing was recorded.
     */
    synchronized Duration percentile(double percent) {
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100], not " + percent);
        }
        if (count == 0) {
            return Duration.ZERO;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * count);
        return Duration.ofNanos(sorted[Math.max(rank, 1) - 1]);
    }

    Duration max() {
        return percentile(100);
    }
}
