package io.computeclearing.loaddriver;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.computeclearing.client.Catalogue;
import io.computeclearing.client.ClearingHouse;
import io.computeclearing.client.ClearingHouseEndpoints;
import io.computeclearing.client.ClearingHouseException;
import io.computeclearing.client.OidcTokenSource;
import io.computeclearing.client.Trades;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Trade capture throughput of a running clearing-service, end to end: how many trades per second are accepted through
 * {@code POST /trades/batch} with their positions committed and both {@code TradeCleared} legs published on Kafka.
 *
 * <p>Set-up (not timed): a back-office token from Keycloak, load-test members and accounts at account-service (reused
 * across runs), until clearing-service accepts business for them; today's business date opened; a deterministic
 * stream of trades over the listed instruments, written into request bodies; a Kafka consumer at the end of the trades
 * topic. Timed: the batches, {@code --concurrency} in flight, until the last answer (submission throughput) and until
 * the last of the run's legs was read from Kafka (end-to-end throughput). Then the checks: every trade accepted, every
 * leg published, the load-test accounts' positions moved by exactly the traded quantities, the CCP's book flat. Exit
 * status 0 when all hold, 1 when any fails, 2 for a wrong command line.
 */
public final class TradeLoadDriver {

    private static final Duration ACCOUNTS_VISIBLE_TIMEOUT = Duration.ofMinutes(2);

    private final DriverOptions options;
    private final PrintStream out;
    /** Amounts stay decimal: never through double. */
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final OidcTokenSource token;
    private final ClearingHouse house;
    private final List<String> failures = new ArrayList<>();

    TradeLoadDriver(DriverOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.token = OidcTokenSource.password(http, OidcTokenSource.keycloakTokenEndpoint(options.keycloak(),
                options.realm()), options.clientId(), options.user(), options.effectivePassword());
        // margin-, settlement- and risk-service are not called; their local-stack ports fill the record.
        ClearingHouseEndpoints usual = ClearingHouseEndpoints.localhost();
        ClearingHouseEndpoints endpoints = new ClearingHouseEndpoints(options.account(), options.clearing(),
                usual.marginService(), usual.settlementService(), usual.riskService());
        this.house = ClearingHouse.builder(endpoints).tokens(token).httpClient(http).build();
    }

    public static void main(String[] args) {
        // The Kafka client logs through SLF4J; the driver reports what matters itself, so no logging back end.
        System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
        System.setProperty("slf4j.internal.verbosity", "WARN");
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        if (List.of(args).contains("-h") || List.of(args).contains("--help")) {
            out.println(DriverOptions.USAGE);
            System.exit(0);
        }
        DriverOptions options;
        try {
            options = DriverOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("load-driver: " + e.getMessage());
            System.err.println(DriverOptions.USAGE);
            System.exit(2);
            return;
        }
        int status;
        try {
            status = new TradeLoadDriver(options, out).run() ? 0 : 1;
        } catch (LoadRunFailure | ClearingHouseException | IOException e) {
            out.println("  \u2717 " + describe(e));
            out.println("RESULT: FAILED");
            status = 1;
        } catch (InterruptedException e) {
            out.println("RESULT: INTERRUPTED");
            status = 1;
        }
        System.exit(status);
    }

    /** Runs the load and the checks, printing the report; true when every check passed. */
    boolean run() throws IOException, InterruptedException {
        Deadline deadline = Deadline.after(options.timeout());
        String runId = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
        String idPrefix = "LD-" + runId + "-";
        out.printf("TRADE LOAD run %s: %,d trades in %,d batches of up to %,d, %d in flight, %d accounts%n", runId,
                options.trades(), options.batches(), options.batch(), options.concurrency(), options.accounts());
        out.println("  clearing-service " + options.clearing() + ", account-service " + options.account()
                + ", Kafka " + options.kafka() + ", tokens from " + token.tokenEndpoint());

        long setUpStarted = System.nanoTime();
        try {
            token.accessToken();
        } catch (ClearingHouseException e) {
            throw new LoadRunFailure("no back-office token from " + token.tokenEndpoint() + ": " + describe(e));
        }
        LoadTestMembers members = new LoadTestMembers(options.accounts());
        members.onboard(house);
        Deadline accountsVisible = Deadline.after(ACCOUNTS_VISIBLE_TIMEOUT);
        members.awaitAcceptedByClearing(house,
                accountsVisible.nanos() - deadline.nanos() < 0 ? accountsVisible : deadline);
        LocalDate businessDate = LocalDate.now(ZoneOffset.UTC);
        openBusinessDay(businessDate);
        TradeGenerator generator = new TradeGenerator(options.seed(), listedInstruments(businessDate),
                members.accountIds(), idPrefix, businessDate, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        List<ExchangeTrade> trades = new ArrayList<>(options.trades());
        List<Trades.Batch> bodies = TradeBatches.write(generator, options.trades(), options.batch(), trades);
        ClearingBook book = new ClearingBook(house);
        Set<String> accounts = new HashSet<>(members.accountIds());
        Map<String, Long> positionsBefore = book.netPositions(accounts);
        out.printf("  set-up: %d accounts accepting business, business day %s open, %d instruments (%s .. %s), "
                        + "%,d trades written (%.1f s)%n", accounts.size(), businessDate, generator.instruments().size(),
                generator.instruments().getFirst().id(), generator.instruments().getLast().id(), trades.size(),
                seconds(System.nanoTime() - setUpStarted));

        BatchSubmission submission = new BatchSubmission(house, bodies, trades.size(),
                options.concurrency(), generator);
        long started;
        long endToEndAt;
        int accepted;
        int legsSeen;
        boolean allLegs;
        long redeliveries;
        try (ClearedLegWatcher legs = new ClearedLegWatcher(options.kafka(), json, idPrefix, trades.size())) {
            started = System.nanoTime();
            submission.run(deadline);
            accepted = submission.count(BatchSubmission.Result.ACCEPTED);
            allLegs = legs.await(2 * accepted, deadline);
            legsSeen = legs.distinctLegs();
            redeliveries = legs.redeliveries();
            endToEndAt = Math.max(submission.lastResponseAt(), legs.lastNewLegAt());
            if (allLegs && accepted > 0) {
                checkEveryLegSeen(submission, legs, trades.size());
            }
        }
        long submitted = submission.latencies().count() == 0 ? 0 : submission.lastResponseAt() - started;
        long endToEnd = endToEndAt - started;

        int duplicates = submission.count(BatchSubmission.Result.DUPLICATE);
        int rejected = submission.count(BatchSubmission.Result.REJECTED);
        int unanswered = submission.count(BatchSubmission.Result.UNANSWERED);
        BatchLatencies latencies = submission.latencies();
        out.printf("  submitted   %,d trades: %,d accepted, %,d duplicate, %,d rejected, %,d without answer%n",
                trades.size(), accepted, duplicates, rejected, unanswered);
        out.printf("  submission  %.2f s -> %,.0f trades/s accepted (until the last HTTP answer)%n", seconds(submitted),
                perSecond(accepted, submitted));
        if (allLegs) {
            out.printf("  end to end  %.2f s -> %,.0f trades/s cleared (until all %,d TradeCleared legs were read "
                    + "from %s; the last %.2f s after the last answer)%n", seconds(endToEnd),
                    perSecond(accepted, endToEnd), 2L * accepted, ClearedLegWatcher.TOPIC,
                    seconds(Math.max(endToEnd - submitted, 0)));
        } else {
            out.printf("  end to end  not reached: %,d of %,d TradeCleared legs read when the time ran out%n",
                    legsSeen, 2L * accepted);
        }
        out.printf("  batch latency p50 %d ms, p95 %d ms, p99 %d ms, max %d ms (%d requests of %,d trades)%n",
                latencies.percentile(50).toMillis(), latencies.percentile(95).toMillis(),
                latencies.percentile(99).toMillis(), latencies.max().toMillis(), latencies.count(), options.batch());

        check(accepted == trades.size(), "every trade accepted (" + String.format("%,d", accepted) + " of "
                + String.format("%,d", trades.size()) + ")");
        submission.failedRequests().stream().limit(5).forEach(f -> out.println("      " + f));
        submission.rejectionSamples().forEach(r -> out.println("      rejected " + r));
        check(allLegs, "both TradeCleared legs of every accepted trade read from " + ClearedLegWatcher.TOPIC
                + (redeliveries > 0 ? " (" + redeliveries + " delivered twice, counted once)" : ""));
        checkPositions(book, accounts, positionsBefore, trades, submission);
        checkBookFlat(book);

        out.println(failures.isEmpty() ? "RESULT: PASS" : "RESULT: FAILED (" + failures.size() + " checks)");
        out.println("  command: " + options.commandLine());
        return failures.isEmpty();
    }

    /** Opens the business date the trades belong to; already open is fine, closed is not. */
    private void openBusinessDay(LocalDate date) {
        try {
            house.businessDays().open(date);
        } catch (ClearingHouseException e) {
            throw new LoadRunFailure("clearing-service cannot open business day " + date + ": " + e.getMessage());
        }
    }

    /** Instruments that trade on {@code businessDate}: listed, not expired, last trading day not passed. */
    private List<ListedInstrument> listedInstruments(LocalDate businessDate) {
        List<Catalogue.Instrument> catalogue;
        try {
            catalogue = house.catalogue().instruments(null, null);
        } catch (ClearingHouseException e) {
            throw new LoadRunFailure("clearing-service GET /catalogue/instruments: " + e.getMessage());
        }
        List<ListedInstrument> instruments = new ArrayList<>();
        for (Catalogue.Instrument instrument : catalogue) {
            LocalDate lastTradingDay = instrument.lastTradingDay();
            boolean trades = instrument.status() != Catalogue.InstrumentStatus.EXPIRED
                    && (lastTradingDay == null || !lastTradingDay.isBefore(businessDate));
            if (trades && instrument.tickSize() != null) {
                instruments.add(new ListedInstrument(instrument.id(), instrument.family(), instrument.tickSize()));
            }
        }
        return instruments;
    }

    /** Every accepted trade's legs, BUY and SELL, were among those read (not just the right number of them). */
    private void checkEveryLegSeen(BatchSubmission submission, ClearedLegWatcher legs, int trades) {
        for (int sequence = 0; sequence < trades; sequence++) {
            if (submission.result(sequence) == BatchSubmission.Result.ACCEPTED
                    && !(legs.seen(sequence, true) && legs.seen(sequence, false))) {
                failures.add("trade " + sequence + " accepted but a leg was not read");
                out.println("  \u2717 trade " + sequence + " accepted but not both of its legs were read");
                return;
            }
        }
    }

    /**
     * Positions are durable and exact: for every load-test account and instrument, the net position moved by the
     * accepted trades' bought minus sold quantity, no more, no less.
     */
    private void checkPositions(ClearingBook book, Set<String> accounts, Map<String, Long> before,
                                List<ExchangeTrade> trades, BatchSubmission submission) {
        Map<String, Long> expectedMoves = new HashMap<>();
        for (int sequence = 0; sequence < trades.size(); sequence++) {
            if (submission.result(sequence) == BatchSubmission.Result.ACCEPTED) {
                ExchangeTrade trade = trades.get(sequence);
                expectedMoves.merge(ClearingBook.key(trade.buyerAccountId(), trade.instrumentId()), trade.quantity(),
                        Long::sum);
                expectedMoves.merge(ClearingBook.key(trade.sellerAccountId(), trade.instrumentId()), -trade.quantity(),
                        Long::sum);
            }
        }
        Map<String, Long> after = book.netPositions(accounts);
        Set<String> keys = new TreeSet<>(expectedMoves.keySet());
        keys.addAll(before.keySet());
        keys.addAll(after.keySet());
        List<String> wrong = new ArrayList<>();
        for (String key : keys) {
            long moved = after.getOrDefault(key, 0L) - before.getOrDefault(key, 0L);
            long expected = expectedMoves.getOrDefault(key, 0L);
            if (moved != expected) {
                wrong.add(key.replace('|', ' ') + " moved " + moved + ", traded " + expected);
            }
        }
        check(wrong.isEmpty(), "net positions moved by exactly the traded quantities (" + expectedMoves.size()
                + " account x instrument pairs)" + (wrong.isEmpty() ? "" : ": " + wrong.size() + " differ, e.g. "
                + wrong.stream().limit(3).toList()));
    }

    private void checkBookFlat(ClearingBook book) {
        Optional<ClearingBook.OpenInterest> openInterest = book.openInterest();
        if (openInterest.isEmpty()) {
            out.println("  - clearing-service has no GET /open-interest: CCP book flatness not checked");
            return;
        }
        List<String> unbalanced = openInterest.get().unbalanced();
        check(unbalanced.isEmpty(), "CCP book flat: open interest net sum 0 in all " + openInterest.get().instruments()
                + " instruments" + (unbalanced.isEmpty() ? "" : "; NOT in " + unbalanced));
    }

    private void check(boolean ok, String what) {
        if (ok) {
            out.println("  \u2713 " + what);
        } else {
            failures.add(what);
            out.println("  \u2717 " + what);
        }
    }

    /** An exception as one line: its message, or its kind when it has none (a refused connection has none). */
    static String describe(Exception e) {
        if (e instanceof LoadRunFailure || e instanceof ClearingHouseException) {
            return e.getMessage();
        }
        String message = e.getMessage() == null && e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    static String abbreviate(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double perSecond(long count, long nanos) {
        return nanos <= 0 ? 0 : count / seconds(nanos);
    }
}
