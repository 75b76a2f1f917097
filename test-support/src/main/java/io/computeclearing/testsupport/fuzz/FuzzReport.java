package io.computeclearing.testsupport.fuzz;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a fuzz run sent and found: the operations its service documents, the requests sent (a case is one request,
 * simultaneous duplicates are several), the answers by status, and {@code findings}, one line per 5xx, per refusal
 * that is not a proper problem and per refusal that wrote. A run is clean when {@code findings} is empty.
 */
public record FuzzReport(String service, int operations, int requests, int cases, Map<Integer, Integer> statuses,
                         int serverErrors, int tables, List<String> findings, Duration took) {

    /**
     * {@code fuzz margin-service: 18 operations, 618 requests (569 cases) in 21 s; answers 200 x12, 400 x560, ...;
     * 0 server errors, 0 findings (rows counted in 17 tables)}.
     */
    public String line() {
        return "fuzz " + service + ": " + operations + " operations, " + requests + " requests (" + cases
                + " cases) in " + took.toSeconds() + " s; answers " + statuses.entrySet().stream()
                .map(entry -> entry.getKey() + " x" + entry.getValue()).collect(Collectors.joining(", "))
                + "; " + serverErrors + " server errors, " + findings.size() + " findings (rows counted in "
                + tables + " tables)";
    }
}
