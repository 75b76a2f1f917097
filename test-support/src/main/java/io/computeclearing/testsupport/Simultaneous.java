package io.computeclearing.testsupport;

import io.restassured.response.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The same request fired by several clients at once, to race the service's "does it exist?" check against its
 * insert. Every thread waits at a latch, so the requests leave together.
 */
public final class Simultaneous {

    private Simultaneous() {
    }

    /** Sends {@code request} {@code times} times at once; the answers, in no particular order. */
    public static List<Response> send(int times, Supplier<Response> request) {
        ExecutorService threads = Executors.newFixedThreadPool(times);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> pending = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                pending.add(threads.submit(() -> {
                    start.await();
                    return request.get();
                }));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : pending) {
                answers.add(answer.get());
            }
            return answers;
        } catch (Exception e) {
            throw new IllegalStateException("a simultaneous request failed to complete", e);
        } finally {
            threads.shutdownNow();
        }
    }

    /** The status codes, sorted: {@code [201, 409, 409, ...]}. */
    public static List<Integer> statuses(List<Response> answers) {
        return answers.stream().map(Response::statusCode).sorted().toList();
    }
}
