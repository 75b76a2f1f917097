package io.computeclearing.risk.stress;

import io.computeclearing.risk.scenario.Scenario;
import io.computeclearing.risk.scenario.ScenarioKind;
import io.computeclearing.risk.scenario.ShockKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The stress engine over 100,000 accounts of 20 positions each and 20 scenarios (docs/benchmarks.md): 48 instruments
 * (4 families x 12 months, USD and CNY), 200 members of which 40 affiliated in pairs, every account with a USD and a
 * CNY margin requirement. Times {@link StressEngine#run} alone (loading and storing are the database's); prints the
 * best and the median of the measured runs after warming up. Arguments: accounts, positions, scenarios, runs.
 * <pre>
 * ./mvnw -B -o -q test-compile -pl risk-service -am
 * taskset -c 0 java -cp risk-service/target/classes:risk-service/target/test-classes \
 *     io.computeclearing.risk.stress.StressBenchmark
 * </pre>
 */
public final class StressBenchmark {

    private StressBenchmark() {
    }

    public static void main(String[] args) {
        int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int positions = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int scenarioCount = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 7;
        Random random = new Random(20261207L);

        String[][] families = {{"GH100", "USD", "2.500"}, {"GB200", "USD", "4.125"}, {"TKFRN", "USD", "1.85"},
                {"TKFRC", "CNY", "12.35"}};
        List<StressInstrument> instruments = new ArrayList<>();
        for (String[] family : families) {
            for (int month = 1; month <= 12; month++) {
                BigDecimal price = new BigDecimal(family[2]).add(new BigDecimal(month).movePointLeft(2));
                instruments.add(new StressInstrument(family[0] + "-27" + month, family[0],
                        "2027-%02d".formatted(month), family[1], new BigDecimal("1000"), family[0] + "-INDEX", price));
            }
        }
        List<Portfolio> portfolios = new ArrayList<>(accounts);
        Map<String, Map<String, BigDecimal>> margin = new HashMap<>();
        for (int a = 0; a < accounts; a++) {
            int member = random.nextInt(200);
            String group = member < 40 ? "M" + (member - member % 2) : "M" + member; // pairs M0+M1, M2+M3, ...
            int[] held = pick(random, instruments.size(), positions);
            long[] net = new long[positions];
            for (int k = 0; k < positions; k++) {
                net[k] = (random.nextInt(1000) + 1) * (random.nextBoolean() ? 1L : -1L);
            }
            String account = "A" + a;
            portfolios.add(new Portfolio(account, "M" + member, group, held, net));
            margin.put(account, Map.of("USD", BigDecimal.valueOf(random.nextInt(5_000_000), 2),
                    "CNY", BigDecimal.valueOf(random.nextInt(20_000_000), 2)));
        }
        StressBook book = new StressBook(instruments, portfolios, margin,
                Map.of("USD", BigDecimal.ONE, "CNY", new BigDecimal("7.1234")));
        List<ScenarioPrices> scenarios = new ArrayList<>();
        for (int s = 0; s < scenarioCount; s++) {
            List<Scenario.Shock> shocks = new ArrayList<>();
            for (String[] family : families) {
                shocks.add(new Scenario.Shock(family[0], null, ShockKind.RELATIVE,
                        BigDecimal.valueOf(random.nextInt(120) - 60, 2)));
            }
            shocks.add(new Scenario.Shock("GH100", "2027-01", ShockKind.ABSOLUTE, new BigDecimal("1.005")));
            Scenario scenario = new Scenario("S" + s, 1, "scenario " + s, ScenarioKind.HYPOTHETICAL, true, shocks,
                    BigDecimal.valueOf(random.nextInt(21) - 10, 2), null, null, "benchmark", Instant.EPOCH);
            scenarios.add(ScenarioPricing.price(scenario, instruments, index -> List.of()));
        }

        long[] millis = new long[runs];
        StressResult result = null;
        for (int warmUp = 0; warmUp < 3; warmUp++) {
            result = StressEngine.run(book, scenarios);
        }
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            result = StressEngine.run(book, scenarios);
            millis[r] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        System.out.printf("%d accounts x %d positions x %d scenarios: best %d ms, median %d ms over %d runs "
                        + "(Cover-1 %s, Cover-2 %s USD)%n", accounts, positions, scenarioCount, millis[0],
                millis[runs / 2], runs, StressEngine.reported(result.cover1()),
                StressEngine.reported(result.cover2()));
    }

    private static int[] pick(Random random, int from, int count) {
        int[] all = new int[from];
        for (int i = 0; i < from; i++) {
            all[i] = i;
        }
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(from - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] picked = Arrays.copyOf(all, count);
        Arrays.sort(picked);
        return picked;
    }
}
