package io.computeclearing.loaddriver;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TradeGeneratorTest {

    private static final LocalDate BUSINESS_DATE = LocalDate.of(2026, 11, 24);
    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
    /** The default catalogue's families and ticks, a few months each, plus a family without a reference level. */
    private static final List<ListedInstrument> INSTRUMENTS = List.of(
            new ListedInstrument("GH100-202611", "GH100", new BigDecimal("0.005")),
            new ListedInstrument("GH100-202701", "GH100", new BigDecimal("0.005")),
            new ListedInstrument("GB200-202612", "GB200", new BigDecimal("0.0050")),
            new ListedInstrument("TKFRN-202612", "TKFRN", new BigDecimal("0.01")),
            new ListedInstrument("TKFRC-202612", "TKFRC", new BigDecimal("0.05")),
            new ListedInstrument("XNEW-202612", "XNEW", new BigDecimal("0.25")));
    private static final List<String> ACCOUNTS = new LoadTestMembers(20).accountIds();

    private static List<ExchangeTrade> trades(long seed, String prefix, int count) {
        TradeGenerator generator = new TradeGenerator(seed, INSTRUMENTS, ACCOUNTS, prefix, BUSINESS_DATE, START);
        return IntStream.range(0, count).mapToObj(i -> generator.next()).toList();
    }

    @Test
    void everyPriceLiesOnItsFamilysTickGridAtTheTickScale() {
        Map<String, BigDecimal> ticks = Map.of("GH100", new BigDecimal("0.005"), "GB200", new BigDecimal("0.005"),
                "TKFRN", new BigDecimal("0.01"), "TKFRC", new BigDecimal("0.05"));
        for (ExchangeTrade trade : trades(7, "T-", 20_000)) {
            BigDecimal tick = ticks.get(trade.instrumentId().substring(0, 5));
            assertThat(trade.price().remainder(tick).signum()).as(trade.toString()).isZero();
            assertThat(trade.price().scale()).as(trade.toString()).isEqualTo(tick.scale());
        }
    }

    @Test
    void pricesStayWithinTwoPercentOfTheFamilysLevel() {
        for (ExchangeTrade trade : trades(7, "T-", 20_000)) {
            BigDecimal level = TradeGenerator.REFERENCE_LEVELS.get(trade.instrumentId().substring(0, 5));
            BigDecimal distance = trade.price().subtract(level).abs();
            assertThat(distance).as(trade.toString()).isLessThanOrEqualTo(level.multiply(new BigDecimal("0.02")));
        }
    }

    @Test
    void pricesUseTheWholeBandOnTheGrid() {
        Set<BigDecimal> gh100 = new HashSet<>();
        trades(7, "T-", 20_000).stream().filter(t -> t.instrumentId().startsWith("GH100"))
                .forEach(t -> gh100.add(t.price()));
        // 2.60 +- 2% is 2.548 .. 2.652: 10 ticks of 0.005 either side, 21 prices.
        assertThat(gh100).hasSize(21).contains(new BigDecimal("2.550"), new BigDecimal("2.600"),
                new BigDecimal("2.650"));
    }

    @Test
    void buyerAndSellerAreAlwaysTwoDistinctLoadTestAccounts() {
        Set<String> buyers = new HashSet<>();
        Set<String> sellers = new HashSet<>();
        for (ExchangeTrade trade : trades(3, "T-", 10_000)) {
            assertThat(trade.buyerAccountId()).isNotEqualTo(trade.sellerAccountId());
            buyers.add(trade.buyerAccountId());
            sellers.add(trade.sellerAccountId());
        }
        assertThat(buyers).containsExactlyInAnyOrderElementsOf(ACCOUNTS);
        assertThat(sellers).containsExactlyInAnyOrderElementsOf(ACCOUNTS);
    }

    @Test
    void quantitiesArePositiveWholeContractsUpToTheMaximum() {
        assertThat(trades(3, "T-", 10_000)).allSatisfy(t ->
                assertThat(t.quantity()).isBetween(1L, (long) TradeGenerator.MAX_QUANTITY));
    }

    @Test
    void onlyFamiliesWithAReferenceLevelAreTraded() {
        Set<String> traded = new HashSet<>();
        trades(3, "T-", 10_000).forEach(t -> traded.add(t.instrumentId()));
        assertThat(traded).containsExactlyInAnyOrder("GH100-202611", "GH100-202701", "GB200-202612", "TKFRN-202612",
                "TKFRC-202612");
    }

    @Test
    void theSameSeedGivesTheSameTradesWhateverTheRunsIdPrefix() {
        List<ExchangeTrade> first = trades(42, "LD-A-", 1_000);
        List<ExchangeTrade> second = trades(42, "LD-B-", 1_000);
        for (int i = 0; i < first.size(); i++) {
            ExchangeTrade a = first.get(i);
            ExchangeTrade b = second.get(i);
            assertThat(b.exchangeTradeId()).isEqualTo("LD-B-" + i);
            assertThat(List.of(b.instrumentId(), b.quantity(), b.price(), b.buyerAccountId(), b.sellerAccountId()))
                    .isEqualTo(List.of(a.instrumentId(), a.quantity(), a.price(), a.buyerAccountId(), a.sellerAccountId()));
        }
        assertThat(trades(43, "LD-A-", 1_000)).isNotEqualTo(first);
    }

    @Test
    void tradeIdsAreUniqueAndTheirSequenceNumbersReadBack() {
        TradeGenerator generator = new TradeGenerator(1, INSTRUMENTS, ACCOUNTS, "LD-MJ8K2Q1A-", BUSINESS_DATE, START);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            ExchangeTrade trade = generator.next();
            ids.add(trade.exchangeTradeId());
            assertThat(generator.sequenceOf(trade.exchangeTradeId())).isEqualTo(i);
            assertThat(trade.tradeTime()).isEqualTo(START.plusNanos(1_000L * i));
            assertThat(trade.businessDate()).isEqualTo(BUSINESS_DATE);
        }
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
        assertThat(ids.getLast().length()).isLessThanOrEqualTo(64);
        assertThat(generator.sequenceOf("LD-OTHERRUN-12")).isEqualTo(-1);
        assertThat(generator.sequenceOf("LD-MJ8K2Q1A-x")).isEqualTo(-1);
        assertThat(generator.sequenceOf(null)).isEqualTo(-1);
    }

    @Test
    void refusesWhatCannotMakeATrade() {
        assertThatThrownBy(() -> new TradeGenerator(1, INSTRUMENTS, List.of("ONLY-H"), "T-", BUSINESS_DATE, START))
                .hasMessageContaining("two accounts");
        assertThatThrownBy(() -> new TradeGenerator(1, List.of(INSTRUMENTS.getLast()), ACCOUNTS, "T-", BUSINESS_DATE,
                START)).hasMessageContaining("no instrument");
    }

    @Test
    void roundsALevelToTheNearestGridPoint() {
        assertThat(TradeGenerator.onGrid(new BigDecimal("2.6013"), new BigDecimal("0.005")))
                .isEqualByComparingTo("2.600");
        assertThat(TradeGenerator.onGrid(new BigDecimal("55.03"), new BigDecimal("0.05")))
                .isEqualByComparingTo("55.05");
    }
}
