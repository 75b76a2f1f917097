package io.computeclearing.loaddriver;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic stream of plausible exchange trades: the same seed, instruments and accounts give the same trades
 * (only the run's exchange trade id prefix and the clock differ). Each trade pairs two distinct accounts, picks one of
 * the listed instruments, and prices it on the family's tick grid within about 2% of the family's reference level.
 */
public final class TradeGenerator {

    /**
     * Price levels of the default catalogue's families, in the family's currency per unit of the underlying: USD per
     * H100 or B200 GPU-hour, USD or CNY per million output tokens of the frontier basket. Families without a level are
     * not traded.
     */
    public static final Map<String, BigDecimal> REFERENCE_LEVELS = Map.of(
            "GH100", new BigDecimal("2.60"),
            "GB200", new BigDecimal("5.30"),
            "TKFRN", new BigDecimal("8.00"),
            "TKFRC", new BigDecimal("55.00"));

    /** Half-width of the price band around the reference level, as a fraction of the level. */
    static final BigDecimal BAND = new BigDecimal("0.02");
    static final int MAX_QUANTITY = 25;

    private final Random random;
    private final List<ListedInstrument> instruments;
    private final BigDecimal[] levels;
    private final int[] bandTicks;
    private final List<String> accounts;
    private final String idPrefix;
    private final LocalDate businessDate;
    private final Instant firstTradeTime;
    private int next;

    /**
     * @param instruments    the instruments to trade; those of families without a reference level are left out
     * @param accounts       at least two accounts
     * @param idPrefix       exchange trade ids are {@code idPrefix + sequence number}; unique per run
     * @param firstTradeTime trade {@code n} was executed {@code n} microseconds after it
     */
    public TradeGenerator(long seed, List<ListedInstrument> instruments, List<String> accounts, String idPrefix,
                          LocalDate businessDate, Instant firstTradeTime) {
        this.random = new Random(seed);
        this.instruments = instruments.stream().filter(i -> REFERENCE_LEVELS.containsKey(i.family()))
                .sorted(Comparator.comparing(ListedInstrument::id)).toList();
        if (this.instruments.isEmpty()) {
            throw new IllegalArgumentException("no instrument of the families " + REFERENCE_LEVELS.keySet()
                    + " among " + instruments.stream().map(ListedInstrument::id).toList());
        }
        if (accounts.size() < 2) {
            throw new IllegalArgumentException("a trade needs two accounts; got " + accounts);
        }
        this.accounts = List.copyOf(accounts);
        this.levels = new BigDecimal[this.instruments.size()];
        this.bandTicks = new int[this.instruments.size()];
        for (int i = 0; i < levels.length; i++) {
            ListedInstrument instrument = this.instruments.get(i);
            BigDecimal level = REFERENCE_LEVELS.get(instrument.family());
            levels[i] = onGrid(level, instrument.tickSize()).setScale(instrument.priceScale(), RoundingMode.UNNECESSARY);
            bandTicks[i] = level.multiply(BAND).divide(instrument.tickSize(), 0, RoundingMode.DOWN).intValueExact();
        }
        this.idPrefix = idPrefix;
        this.businessDate = businessDate;
        this.firstTradeTime = firstTradeTime;
    }

    /** The instruments actually traded, by id. */
    public List<ListedInstrument> instruments() {
        return instruments;
    }

    /** The next trade of the stream. */
    public ExchangeTrade next() {
        int sequence = next++;
        int buyer = random.nextInt(accounts.size());
        int seller = random.nextInt(accounts.size() - 1);
        if (seller >= buyer) {
            seller++;
        }
        int which = random.nextInt(instruments.size());
        ListedInstrument instrument = instruments.get(which);
        int ticks = random.nextInt(2 * bandTicks[which] + 1) - bandTicks[which];
        BigDecimal price = levels[which].add(instrument.tickSize().multiply(BigDecimal.valueOf(ticks)))
                .setScale(instrument.priceScale(), RoundingMode.UNNECESSARY);
        long quantity = 1 + random.nextInt(MAX_QUANTITY);
        return new ExchangeTrade(idPrefix + sequence, instrument.id(), quantity, price, accounts.get(buyer),
                accounts.get(seller), firstTradeTime.plusNanos(1_000L * sequence), businessDate);
    }

    /** The sequence number in an exchange trade id of this stream, or -1 when the id is not one of its trades. */
    public int sequenceOf(String exchangeTradeId) {
        return sequenceOf(idPrefix, exchangeTradeId);
    }

    static int sequenceOf(String idPrefix, String exchangeTradeId) {
        if (exchangeTradeId == null || !exchangeTradeId.startsWith(idPrefix)) {
            return -1;
        }
        try {
            return Integer.parseInt(exchangeTradeId, idPrefix.length(), exchangeTradeId.length(), 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The grid point nearest to {@code price} (half up): a whole number of ticks. */
    static BigDecimal onGrid(BigDecimal price, BigDecimal tick) {
        return price.divide(tick, 0, RoundingMode.HALF_UP).multiply(tick);
    }
}
