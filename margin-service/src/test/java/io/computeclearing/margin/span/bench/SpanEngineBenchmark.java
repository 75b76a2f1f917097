package io.computeclearing.margin.span.bench;

import io.computeclearing.margin.span.FxRates;
import io.computeclearing.margin.span.MarginResult;
import io.computeclearing.margin.span.Portfolio;
import io.computeclearing.margin.span.Position;
import io.computeclearing.margin.span.SpanCalculator;
import io.computeclearing.margin.span.SpanParameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * JMH benchmark of the SPAN engine alone (no database, no Quarkus): the end-of-day run over 100,000 accounts of 20
 * positions each across the default catalogue, and the latency of a what-if (one account's margin before and after
 * one more trade). Not a unit test: surefire never runs it; see docs/benchmarks.md for the command and results.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class SpanEngineBenchmark {

    /** Accounts in the end-of-day run. */
    public static final int ACCOUNTS = 100_000;
    /** Positions (different contracts) per account. */
    public static final int POSITIONS = 20;

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency CNY = Currency.getInstance("CNY");

    private final SpanCalculator calculator = SpanCalculator.cme();
    private final FxRates fx = FxRates.of(USD, Map.of(CNY, new BigDecimal("0.14")));
    private SpanParameters parameters;
    private SpanParameters withInterSpreads;
    private SyntheticBook book;
    private Portfolio whatIfBefore;
    private Portfolio whatIfAfter;

    @Setup
    public void setUp() {
        parameters = DefaultCatalogue.spanParameters();
        withInterSpreads = DefaultCatalogue.spanParametersWithInterCommoditySpreads();
        book = SyntheticBook.of(ACCOUNTS, POSITIONS, 20261124L);
        whatIfBefore = book.portfolios().get(0);
        List<Position> after = new ArrayList<>();
        whatIfBefore.netQuantities().forEach((id, qty) -> after.add(Position.of(id, qty)));
        after.add(Position.of(after.get(0).contractId(), 5));
        whatIfAfter = Portfolio.of(after);
    }

    private BigDecimal margin(int account) {
        MarginResult result = calculator.calculate(book.portfolios().get(account), parameters, Map.of(), fx,
                book.accountTypes().get(account));
        return result.initialRequirement();
    }

    /** The whole end-of-day run on one thread; the score is the time of one run. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2, batchSize = 1)
    @Measurement(iterations = 3, batchSize = 1)
    public BigDecimal endOfDayRun() {
        BigDecimal total = BigDecimal.ZERO;
        for (int a = 0; a < ACCOUNTS; a++) {
            total = total.add(margin(a));
        }
        return total;
    }

    /** The whole end-of-day run spread over the machine's cores (common fork-join pool); time of one run. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2, batchSize = 1)
    @Measurement(iterations = 3, batchSize = 1)
    public BigDecimal endOfDayRunOnAllCores() {
        return IntStream.range(0, ACCOUNTS).parallel().mapToObj(this::margin).reduce(BigDecimal.ZERO,
                BigDecimal::add);
    }

    /**
     * The end-of-day run on one thread with inter-commodity spreads (H100/B200 and H100/token, not configured today):
     * the cost of delta-weighted credits, which divide in {@code BigDecimal}.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2, batchSize = 1)
    @Measurement(iterations = 3, batchSize = 1)
    public BigDecimal endOfDayRunWithInterCommoditySpreads() {
        BigDecimal total = BigDecimal.ZERO;
        for (int a = 0; a < ACCOUNTS; a++) {
            total = total.add(calculator.calculate(book.portfolios().get(a), withInterSpreads, Map.of(), fx,
                    book.accountTypes().get(a)).initialRequirement());
        }
        return total;
    }

    /** Accounts margined per second on one thread (each operation is one account of the run). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(ACCOUNTS)
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 3, time = 5)
    public BigDecimal accountsPerSecond() {
        return endOfDayRun();
    }

    /** A what-if at engine level: the account's margin before and after one more trade. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 3, time = 5)
    public BigDecimal whatIf() {
        BigDecimal before = calculator.calculate(whatIfBefore, parameters, Map.of(), fx,
                book.accountTypes().get(0)).initialRequirement();
        BigDecimal after = calculator.calculate(whatIfAfter, parameters, Map.of(), fx,
                book.accountTypes().get(0)).initialRequirement();
        return after.subtract(before);
    }
}
