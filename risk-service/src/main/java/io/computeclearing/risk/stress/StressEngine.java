package io.computeclearing.risk.stress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Revalues every portfolio under every scenario and finds the uncovered losses and Cover-1/Cover-2 (see
 * docs/methodology.md, "Stress testing").
 * <p>
 * The loss of an account in a scenario, per currency, is {@code -sum(net x unit x (shocked - settlement))}: positive
 * is money lost. It is exact. Per scenario and instrument the loss of one contract is computed once as a decimal and
 * brought to one scale (per scenario) as a long, so the inner loop over accounts and positions is long
 * multiply-adds with overflow checks; a scenario whose per-contract losses do not fit, and an account whose sum would
 * overflow, are summed as BigDecimal instead, so nothing is ever rounded.
 * <p>
 * Per member group and scenario the loss and the initial margin held are converted to USD (CNY at the day's rate moved
 * by the scenario's FX shock, to {@link #CONVERSION_SCALE} decimals, half even), the uncovered loss is
 * {@code max(0, loss - margin)}; Cover-1 is the largest group's, Cover-2 the two largest added; reported amounts are
 * rounded once, to cents half up.
 */
public final class StressEngine {

    /** Decimals of a converted amount before the reported rounding to cents. */
    public static final int CONVERSION_SCALE = 10;
    /** Reported amounts: cents, half up. */
    public static final int REPORTED_SCALE = 2;
    private static final int LONG_SCALE_LIMIT = 18;

    private StressEngine() {
    }

    public static StressResult run(StressBook book, List<ScenarioPrices> scenarios) {
        List<StressInstrument> instruments = book.instruments();
        List<String> currencies = instruments.stream().map(StressInstrument::currency).distinct().sorted().toList();
        int[] currencyOf = instruments.stream().mapToInt(i -> currencies.indexOf(i.currency())).toArray();
        int c = currencies.size();
        int s = scenarios.size();

        // Loss of one contract per scenario and instrument, exact, and as longs at one scale per scenario.
        BigDecimal[][] perContract = new BigDecimal[s][];
        long[][] perContractLong = new long[s][];
        int[] scale = new int[s];
        boolean[] fitsLong = new boolean[s];
        for (int k = 0; k < s; k++) {
            perContract[k] = perContractLoss(instruments, scenarios.get(k).shockedPrices());
            scale[k] = commonScale(perContract[k]);
            perContractLong[k] = asLongs(perContract[k], scale[k]);
            fitsLong[k] = perContractLong[k] != null;
        }

        List<Portfolio> portfolios = book.portfolios();
        Map<String, Integer> groupIndex = new TreeMap<>();
        portfolios.forEach(p -> groupIndex.putIfAbsent(p.groupId(), 0));
        List<String> groups = List.copyOf(groupIndex.keySet());
        for (int g = 0; g < groups.size(); g++) {
            groupIndex.put(groups.get(g), g);
        }
        ExactCells accountLoss = new ExactCells(portfolios.size() * s * c);
        ExactCells groupLoss = new ExactCells(groups.size() * s * c);
        long[] sums = new long[c];
        for (int a = 0; a < portfolios.size(); a++) {
            Portfolio p = portfolios.get(a);
            int g = groupIndex.get(p.groupId());
            int[] held = p.instruments();
            long[] net = p.netQuantities();
            for (int k = 0; k < s; k++) {
                int cell = (a * s + k) * c;
                int groupCell = (g * s + k) * c;
                if (fitsLong[k] && sumAsLongs(held, net, perContractLong[k], currencyOf, sums)) {
                    for (int x = 0; x < c; x++) {
                        if (sums[x] != 0) {
                            accountLoss.add(cell + x, sums[x], scale[k]);
                            groupLoss.add(groupCell + x, sums[x], scale[k]);
                        }
                    }
                } else {
                    BigDecimal[] exact = sumAsDecimals(held, net, perContract[k], currencyOf, c);
                    for (int x = 0; x < c; x++) {
                        if (exact[x].signum() != 0) {
                            accountLoss.add(cell + x, exact[x], scale[k]);
                            groupLoss.add(groupCell + x, exact[x], scale[k]);
                        }
                    }
                }
            }
        }

        Map<String, Map<String, BigDecimal>> groupMargin = groupMargin(book, portfolios);
        List<ScenarioCover> covers = new ArrayList<>(s);
        for (int k = 0; k < s; k++) {
            ScenarioPrices scenario = scenarios.get(k);
            Map<String, BigDecimal> rates = shockedRates(book.usdRates(), scenario.fxShock());
            List<GroupLoss> groupLosses = new ArrayList<>(groups.size());
            for (int g = 0; g < groups.size(); g++) {
                BigDecimal loss = BigDecimal.ZERO;
                for (int x = 0; x < c; x++) {
                    loss = loss.add(toUsd(groupLoss.get((g * s + k) * c + x, scale[k]), currencies.get(x), rates));
                }
                BigDecimal margin = BigDecimal.ZERO;
                for (var held : groupMargin.getOrDefault(groups.get(g), Map.of()).entrySet()) {
                    margin = margin.add(toUsd(held.getValue(), held.getKey(), rates));
                }
                groupLosses.add(new GroupLoss(groups.get(g), loss, margin, loss.subtract(margin).max(BigDecimal.ZERO)));
            }
            covers.add(ScenarioCover.of(scenario, rates.get(StressBook.SHOCKED_CURRENCY), groupLosses));
        }
        return new StressResult(currencies, scale, accountLoss, covers);
    }

    /** {@code -(shocked - settlement) x unit} per instrument: what one long contract loses. */
    private static BigDecimal[] perContractLoss(List<StressInstrument> instruments, BigDecimal[] shocked) {
        BigDecimal[] loss = new BigDecimal[instruments.size()];
        for (int i = 0; i < loss.length; i++) {
            StressInstrument instrument = instruments.get(i);
            loss[i] = instrument.settlementPrice().subtract(shocked[i]).multiply(instrument.contractUnit())
                    .stripTrailingZeros();
        }
        return loss;
    }

    private static int commonScale(BigDecimal[] values) {
        int scale = 0;
        for (BigDecimal value : values) {
            scale = Math.max(scale, value.scale());
        }
        return scale;
    }

    /** The values as unscaled longs at {@code scale}, or null if one does not fit. */
    private static long[] asLongs(BigDecimal[] values, int scale) {
        if (scale > LONG_SCALE_LIMIT) {
            return null;
        }
        long[] longs = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            var unscaled = values[i].setScale(scale, RoundingMode.UNNECESSARY).unscaledValue();
            if (unscaled.bitLength() > 63) {
                return null;
            }
            longs[i] = unscaled.longValue();
        }
        return longs;
    }

    /** Sums one portfolio's losses per currency into {@code sums}; false if a long would overflow. */
    private static boolean sumAsLongs(int[] held, long[] net, long[] perContract, int[] currencyOf, long[] sums) {
        java.util.Arrays.fill(sums, 0L);
        try {
            for (int k = 0; k < held.length; k++) {
                int i = held[k];
                int x = currencyOf[i];
                sums[x] = Math.addExact(sums[x], Math.multiplyExact(net[k], perContract[i]));
            }
            return true;
        } catch (ArithmeticException overflow) {
            return false;
        }
    }

    private static BigDecimal[] sumAsDecimals(int[] held, long[] net, BigDecimal[] perContract, int[] currencyOf,
                                              int currencies) {
        BigDecimal[] sums = new BigDecimal[currencies];
        java.util.Arrays.fill(sums, BigDecimal.ZERO);
        for (int k = 0; k < held.length; k++) {
            int i = held[k];
            sums[currencyOf[i]] = sums[currencyOf[i]].add(perContract[i].multiply(BigDecimal.valueOf(net[k])));
        }
        return sums;
    }

    /** Initial margin held per group and currency: the sum of its accounts' latest requirements. */
    private static Map<String, Map<String, BigDecimal>> groupMargin(StressBook book, List<Portfolio> portfolios) {
        Map<String, Map<String, BigDecimal>> margin = new HashMap<>();
        for (Portfolio p : portfolios) {
            Map<String, BigDecimal> held = book.initialMargin().get(p.accountId());
            if (held != null) {
                Map<String, BigDecimal> group = margin.computeIfAbsent(p.groupId(), g -> new LinkedHashMap<>());
                held.forEach((currency, amount) -> group.merge(currency, amount, BigDecimal::add));
            }
        }
        return margin;
    }

    /** The day's rates with the scenario's FX shock applied to USD/CNY: {@code rate x (1 + shock)}. */
    public static Map<String, BigDecimal> shockedRates(Map<String, BigDecimal> rates, BigDecimal fxShock) {
        Map<String, BigDecimal> shocked = new HashMap<>(rates);
        BigDecimal cny = rates.get(StressBook.SHOCKED_CURRENCY);
        if (cny != null && fxShock != null && fxShock.signum() != 0) {
            shocked.put(StressBook.SHOCKED_CURRENCY, cny.multiply(BigDecimal.ONE.add(fxShock)));
        }
        return shocked;
    }

    /** An amount in {@code currency} in US dollars: exact for USD, else divided by the rate to 10 decimals. */
    public static BigDecimal toUsd(BigDecimal amount, String currency, Map<String, BigDecimal> rates) {
        if (StressBook.REPORTING_CURRENCY.equals(currency) || amount.signum() == 0) {
            return amount;
        }
        BigDecimal rate = rates.get(currency);
        if (rate == null) {
            throw new IllegalArgumentException("no USD/" + currency + " rate");
        }
        return amount.divide(rate, CONVERSION_SCALE, RoundingMode.HALF_EVEN);
    }

    /** A reported amount: cents, half up. */
    public static BigDecimal reported(BigDecimal amount) {
        return amount.setScale(REPORTED_SCALE, RoundingMode.HALF_UP);
    }

    static final Comparator<GroupLoss> LARGEST_FIRST =
            Comparator.comparing(GroupLoss::uncovered).reversed().thenComparing(GroupLoss::groupId);
}
