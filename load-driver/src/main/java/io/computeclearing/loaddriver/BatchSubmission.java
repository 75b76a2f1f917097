package io.computeclearing.loaddriver;

import io.computeclearing.client.ClearingHouse;
import io.computeclearing.client.ClearingHouseException;
import io.computeclearing.client.Trades;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends the batches to {@code POST /trades/batch}, {@code concurrency} requests in flight, each worker taking the next
 * unsent batch when its answer arrives. Records each trade's result as the service reported it, and each request's
 * latency.
 */
final class BatchSubmission {

    enum Result { UNANSWERED, ACCEPTED, DUPLICATE, REJECTED }

    /** The longest a single batch may take before it counts as failed (within the run's deadline). */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);
    private static final int SAMPLES = 5;

    private final ClearingHouse house;
    private final List<Trades.Batch> bodies;
    private final int concurrency;
    private final TradeGenerator generator;
    private final Result[] results;
    private final BatchLatencies latencies = new BatchLatencies();
    private final AtomicInteger nextBatch = new AtomicInteger();
    private final List<String> failedRequests = new ArrayList<>();
    private final List<String> rejectionSamples = new ArrayList<>();
    private final AtomicLong lastResponseAt = new AtomicLong();

    BatchSubmission(ClearingHouse house, List<Trades.Batch> bodies, int trades, int concurrency,
                    TradeGenerator generator) {
        this.house = house;
        this.bodies = bodies;
        this.concurrency = concurrency;
        this.generator = generator;
        this.results = new Result[trades];
        Arrays.fill(results, Result.UNANSWERED);
    }

    /** Sends every batch (or as many as the deadline allows) and returns when the last answer is in. */
    void run(Deadline deadline) throws InterruptedException {
        try (ExecutorService workers = Executors.newFixedThreadPool(concurrency)) {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                running.add(workers.submit(() -> {
                    work(deadline);
                    return null;
                }));
            }
            for (Future<?> worker : running) {
                try {
                    worker.get();
                } catch (ExecutionException e) {
                    synchronized (this) {
                        failedRequests.add("worker failed: " + e.getCause());
                    }
                }
            }
        }
    }

    private void work(Deadline deadline) {
        for (int b = nextBatch.getAndIncrement(); b < bodies.size(); b = nextBatch.getAndIncrement()) {
            if (deadline.passed()) {
                synchronized (this) {
                    failedRequests.add("batch " + b + ": not sent, the run's time ran out");
                }
                continue;
            }
            Duration timeout = deadline.remaining().compareTo(REQUEST_TIMEOUT) < 0 ? deadline.remaining() : REQUEST_TIMEOUT;
            long sent = System.nanoTime();
            Trades.BatchResult answer;
            try {
                answer = house.trades().submitBatch(bodies.get(b), timeout);
            } catch (ClearingHouseException refusedOrUnanswered) {
                answer = null;
                synchronized (this) {
                    failedRequests.add("batch " + b + ": " + refusedOrUnanswered.getMessage());
                }
            }
            long answered = System.nanoTime();
            latencies.record(answered - sent);
            lastResponseAt.accumulateAndGet(answered, Math::max);
            if (answer != null) {
                record(answer);
            }
        }
    }

    private void record(Trades.BatchResult batchResult) {
        for (Trades.BatchResult.Item item : batchResult.results()) {
            int sequence = generator.sequenceOf(item.exchangeTradeId());
            if (sequence < 0 || sequence >= results.length) {
                continue;
            }
            Result result = item.status() == null ? Result.REJECTED : switch (item.status()) {
                case ACCEPTED -> Result.ACCEPTED;
                case DUPLICATE -> Result.DUPLICATE;
                case REJECTED -> Result.REJECTED;
            };
            results[sequence] = result;
            if (result == Result.REJECTED) {
                synchronized (this) {
                    if (rejectionSamples.size() < SAMPLES) {
                        rejectionSamples.add(item.exchangeTradeId() + ": "
                                + TradeLoadDriver.abbreviate(String.valueOf(item.violations())));
                    }
                }
            }
        }
    }

    /** Each trade's result, by sequence number. */
    Result result(int sequence) {
        return results[sequence];
    }

    int count(Result which) {
        int n = 0;
        for (Result result : results) {
            if (result == which) {
                n++;
            }
        }
        return n;
    }

    BatchLatencies latencies() {
        return latencies;
    }

    /** {@link System#nanoTime()} of the last answer. */
    long lastResponseAt() {
        return lastResponseAt.get();
    }

    synchronized List<String> failedRequests() {
        return List.copyOf(failedRequests);
    }

    synchronized List<String> rejectionSamples() {
        return List.copyOf(rejectionSamples);
    }
}
