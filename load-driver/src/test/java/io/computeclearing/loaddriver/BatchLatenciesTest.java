package io.computeclearing.loaddriver;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BatchLatenciesTest {

    @Test
    void percentilesByNearestRank() {
        BatchLatencies latencies = new BatchLatencies();
        // 1..100 ms, recorded out of order
        for (int ms = 100; ms >= 1; ms--) {
            latencies.record(Duration.ofMillis(ms).toNanos());
        }
        assertThat(latencies.count()).isEqualTo(100);
        assertThat(latencies.percentile(50)).isEqualTo(Duration.ofMillis(50));
        assertThat(latencies.percentile(95)).isEqualTo(Duration.ofMillis(95));
        assertThat(latencies.percentile(99)).isEqualTo(Duration.ofMillis(99));
        assertThat(latencies.max()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void fewRequestsGiveTheWorstForTheHighPercentiles() {
        BatchLatencies latencies = new BatchLatencies();
        latencies.record(10);
        latencies.record(30);
        latencies.record(20);
        // ceil(0.5 * 3) = 2nd smallest; ceil(0.99 * 3) = 3rd
        assertThat(latencies.percentile(50)).isEqualTo(Duration.ofNanos(20));
        assertThat(latencies.percentile(99)).isEqualTo(Duration.ofNanos(30));
    }

    @Test
    void nothingRecordedIsZero() {
        assertThat(new BatchLatencies().percentile(95)).isEqualTo(Duration.ZERO);
    }
}
