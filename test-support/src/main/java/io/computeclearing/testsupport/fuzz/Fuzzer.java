package io.computeclearing.testsupport.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.computeclearing.testsupport.Simultaneous;
import io.computeclearing.testsupport.TestTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;

/**
 * A fuzz test of every operation the running application documents at {@code /q/openapi}, with a token of the roles
 * the operation allows: each path, query and header parameter and each body field replaced by boundary and hostile
 * values ({@link HostileValues}), fields left out, unknown fields, malformed, empty, oversized and wrongly typed
 * bodies, and the example body sent {@value #DUPLICATES} times at once. For every answer: never a 5xx; every 4xx
 * {@code application/problem+json} with a {@code type}, {@code title} and {@code status} and no Java class name; and
 * nothing written by a refusal (the row count of every table of the service's database before and after each
 * refused request). A 2xx is allowed (a hostile but valid value may be accepted), and is not a refusal.
 *
 * <p>The quick run (the build's) sends at most about {@value #MAX_CASES} cases per operation, so that a service's run
 * takes well under a minute. {@code -Dfuzz.depth=full} sends every case, with more values per field (see
 * {@link HostileValues}); {@code -Dfuzz.operations=...} keeps only the operations whose {@code "METHOD /path"}
 * contains the text.
 */
public final class Fuzzer {

    static final int DUPLICATES = 8;
    static final int MAX_CASES = 40;
    private static final List<String> LEAKS = List.of("io.computeclearing", "java.", "com.fasterxml");

    private final String service;
    private final RowCounts rows;
    private final boolean full;
    private final String only;

    private Fuzzer(String service, DataSource dataSource, boolean full, String only) {
        this.service = service;
        this.rows = RowCounts.of(dataSource);
        this.full = full;
        this.only = only;
    }

    /** A fuzzer of the application under test, counting rows through its data source. */
    public static Fuzzer of(String service, DataSource dataSource) {
        return new Fuzzer(service, dataSource, "full".equals(System.getProperty("fuzz.depth")),
                System.getProperty("fuzz.operations", ""));
    }

    public FuzzReport run() {
        List<FuzzOperation> operations = FuzzOperation.all(servedDocument()).stream()
                .filter(operation -> operation.toString().contains(only))
                .toList();
        long started = System.nanoTime();
        Tally tally = new Tally();
        Map<String, Long> baseline = rows.settled();
        for (FuzzOperation operation : operations) {
            String token = TestTokens.token("fuzz", operation.roles(), "FUZZ");
            for (FuzzRequest request : operation.cases(full, MAX_CASES)) {
                tally.cases++;
                baseline = sendOne(operation, request, token, baseline, tally);
            }
            if (!operation.method().equals("GET")) {
                tally.cases++;
                duplicates(operation, token, tally);
                baseline = rows.settled();
            }
        }
        return new FuzzReport(service, operations.size(), tally.requests, tally.cases, tally.statuses,
                tally.serverErrors, rows.tableCount(), tally.findings,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** Sends one case; a refusal must leave every table as it was. Returns the row counts after it. */
    private Map<String, Long> sendOne(FuzzOperation operation, FuzzRequest request, String token,
                                      Map<String, Long> before, Tally tally) {
        String what = operation + " with " + request;
        FuzzAnswer answer = send(operation, request, token, what, tally);
        if (answer == null) {
            return rows.settled();
        }
        tally.judge(what, answer);
        if (answer.status() < 400) {
            // what an accepted change sets off (the outbox relay, consumers) must be over before the next refusal
            return operation.method().equals("GET") ? rows.now() : rows.settled();
        }
        Map<String, Long> after = rows.now();
        if (!after.equals(before)) {
            tally.findings.add(what + ": refused with " + answer.status() + " but written: "
                    + RowCounts.difference(before, after));
        }
        return after;
    }

    /** The example body sent several times at once: one may be accepted, none may fail. */
    private void duplicates(FuzzOperation operation, String token, Tally tally) {
        FuzzRequest request = operation.wellFormed();
        String what = operation + " with the example " + DUPLICATES + " times at once";
        List<FuzzAnswer> answers;
        try {
            answers = Simultaneous.send(DUPLICATES, () -> request.restAssured(operation.method(), operation.path(),
                    token)).stream().map(FuzzAnswer::of).toList();
        } catch (RuntimeException e) {
            tally.requests += DUPLICATES;
            tally.findings.add(what + ": no answer (" + e.getMessage() + ")");
            return;
        }
        tally.requests += DUPLICATES;
        answers.forEach(answer -> tally.judge(what, answer));
    }

    private static FuzzAnswer send(FuzzOperation operation, FuzzRequest request, String token, String what,
                                   Tally tally) {
        tally.requests++;
        try {
            return request.send(operation.method(), operation.path(), token);
        } catch (Exception e) {
            tally.findings.add(what + ": no answer (" + e + ")");
            return null;
        }
    }

    private static JsonNode servedDocument() {
        String json = given().accept("application/json").queryParam("format", "json")
                .when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the run has counted and found so far. */
    private static final class Tally {
        int requests;
        int cases;
        int serverErrors;
        final Map<Integer, Integer> statuses = new TreeMap<>();
        final List<String> findings = new ArrayList<>();

        /** A 5xx, or a 4xx that is not a proper problem, is a finding. */
        void judge(String what, FuzzAnswer answer) {
            int status = answer.status();
            statuses.merge(status, 1, Integer::sum);
            String body = answer.body();
            if (status >= 500) {
                serverErrors++;
                findings.add(what + ": " + status + " " + abbreviate(body));
                return;
            }
            if (status < 400) {
                return;
            }
            String contentType = answer.contentType();
            if (contentType == null || !contentType.startsWith("application/problem+json")) {
                findings.add(what + ": " + status + " as '" + contentType + "', not problem+json: "
                        + abbreviate(body));
                return;
            }
            JsonNode problem;
            try {
                problem = new ObjectMapper().readTree(body);
            } catch (IOException e) {
                findings.add(what + ": " + status + " problem that is not JSON: " + abbreviate(body));
                return;
            }
            for (String member : Set.of("type", "title")) {
                if (problem.path(member).asText().isBlank()) {
                    findings.add(what + ": " + status + " problem without " + member + ": " + abbreviate(body));
                }
            }
            if (problem.path("status").asInt() != status) {
                findings.add(what + ": " + status + " problem with status " + problem.path("status"));
            }
            for (String leak : LEAKS) {
                if (body.contains(leak)) {
                    findings.add(what + ": " + status + " problem naming '" + leak + "': " + abbreviate(body));
                }
            }
        }

        private static String abbreviate(String body) {
            String oneLine = body.replaceAll("\\s+", " ");
            return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
        }
    }
}
