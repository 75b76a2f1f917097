package io.computeclearing.platform.events.settlement;

import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.events.Topics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Events published by settlement-service: index values on {@link Topics#SETTLEMENT_INDICES} (key: index id),
 * settlement prices and final settlements on {@link Topics#SETTLEMENT_PRICES} (key: instrument id), and cash postings
 * and the close of a settlement cycle for each account on {@link Topics#SETTLEMENT_CASH} (key: account id).
 */
public final class SettlementEvents {

    public static final EventType<IndexValuePublished> INDEX_VALUE_PUBLISHED =
            EventType.of(Topics.SETTLEMENT_INDICES, "index", "IndexValuePublished", 1, IndexValuePublished.class);
    public static final EventType<SettlementPricePublished> SETTLEMENT_PRICE_PUBLISHED =
            EventType.of(Topics.SETTLEMENT_PRICES, "instrument", "SettlementPricePublished", 1,
                    SettlementPricePublished.class);
    public static final EventType<FinalSettlementCompleted> FINAL_SETTLEMENT_COMPLETED =
            EventType.of(Topics.SETTLEMENT_PRICES, "instrument", "FinalSettlementCompleted", 1,
                    FinalSettlementCompleted.class);
    public static final EventType<SettlementCashPosted> SETTLEMENT_CASH_POSTED =
            EventType.of(Topics.SETTLEMENT_CASH, "account", "SettlementCashPosted", 1, SettlementCashPosted.class);

    public static final EventType<AccountCycleSettled> ACCOUNT_CYCLE_SETTLED =
            EventType.of(Topics.SETTLEMENT_CASH, "account", "AccountCycleSettled", 1, AccountCycleSettled.class);

    public static final EventType<EndOfDayRunCompleted> END_OF_DAY_RUN_COMPLETED =
            EventType.of(Topics.SETTLEMENT_RUNS, "business-day", "EndOfDayRunCompleted", 1, EndOfDayRunCompleted.class);

    private SettlementEvents() {
    }

    /**
     * The end-of-day run of {@code businessDate} completed: its variation margin and final settlement postings are in
     * the outbox before this event (same transaction), {@code accountsSettled} accounts had a posting line, and
     * {@code prices} are the prices it settled at, one per instrument with a position ({@code DAILY} or
     * {@code FINAL}). Key: the business date. risk-service starts the day's stress run and backtest on it, once the
     * price events it names have reached it (they come on their own topic).
     */
    public record EndOfDayRunCompleted(LocalDate businessDate, int accountsSettled, int postings,
                                       List<RunPrice> prices, Instant completedAt) {
    }

    /** A price an end-of-day run settled an instrument at: {@code kind} {@code DAILY} or {@code FINAL}. */
    public record RunPrice(String instrumentId, String kind, BigDecimal price) {
    }

    /**
     * A value of an index for {@code valueDate}, in {@code currency} per unit. {@code version} starts at 1; a
     * restatement publishes the same date again with a higher version and a {@code restatementReason}, and replaces
     * the earlier value. {@code source}: {@code PROVIDER} (recorded from the index provider) or {@code COMPUTED}
     * (computed by settlement-service from a panel of observations by {@code methodology}, e.g.
     * {@code VOLUME_WEIGHTED_MEDIAN v1}; null for provider values).
     */
    public record IndexValuePublished(String indexId, LocalDate valueDate, BigDecimal value, String currency,
                                      int version, String source, String methodology, String restatementReason,
                                      Instant publishedAt) {
    }

    /**
     * The daily settlement price of an instrument for a business date, in {@code currency} per unit, on the tick grid;
     * zero and negative prices are legal. {@code version} rises if the back office republishes the price before the
     * end-of-day run; the latest version is the one in force.
     */
    public record SettlementPricePublished(String instrumentId, LocalDate businessDate, BigDecimal price,
                                           String currency, int version, Instant publishedAt) {
    }

    /**
     * The instrument was finally settled on {@code businessDate} (its last trading day) at
     * {@code finalSettlementPrice}: every open position was paid {@code (FSP - last daily settlement) x net position
     * x contract unit} (in {@link SettlementCashPosted} events of kind {@code FINAL_SETTLEMENT}) and is now closed.
     */
    public record FinalSettlementCompleted(String instrumentId, LocalDate businessDate,
                                           BigDecimal finalSettlementPrice, String currency, long positionsSettled,
                                           Instant settledAt) {
    }

    /**
     * Cash the CCP settles with an account for one business date, kind and currency. {@code amount} is signed: positive
     * is paid to the account (credited to its cash collateral), negative is due from it (debited). {@code kind}:
     * {@code VARIATION_MARGIN} or {@code FINAL_SETTLEMENT}. {@code postingId} is unique and stable
     * ({@code kind:businessDate:accountId:currency}), so a repeated run publishes nothing new and a consumer books each
     * posting once. {@code lines} break the amount down per instrument; they sum to {@code amount}. Amounts are at the
     * currency's minor unit scale (2 for USD and CNY).
     */
    public record SettlementCashPosted(String postingId, String kind, LocalDate businessDate, String accountId,
                                       String memberId, String currency, BigDecimal amount, List<CashLine> lines,
                                       Instant postedAt) {
    }

    /**
     * One instrument's part of a posting: {@code startOfDayPosition} (net contracts) revalued from
     * {@code previousPrice} to {@code settlementPrice}, plus the day's trades at their prices.
     */
    public record CashLine(String instrumentId, long startOfDayPosition, long endOfDayPosition,
                           BigDecimal previousPrice, BigDecimal settlementPrice, BigDecimal amount) {
    }

    /**
     * A settlement cycle is closed for one account: every {@link SettlementCashPosted} of the cycle for the account
     * ({@code postingIds}, those with a non-zero amount) was published before this event, on the same topic and key,
     * so a consumer that has this event has them all. {@code cycleId} names the cycle ({@code businessDate/END_OF_DAY}
     * for the end-of-day run); {@code prices} are the prices the cycle settled the account's instruments at, with the
     * account's net position in each at the cycle's cut-off. margin-service margins the account at these prices and
     * publishes the requirement with the cycle id; account-service calls margin from the two together, once per cycle.
     */
    public record AccountCycleSettled(String cycleId, LocalDate businessDate, String accountId, String memberId,
                                      List<String> postingIds, List<CyclePrice> prices, Instant settledAt) {

        /** The cycle id of a business date's end-of-day run. */
        public static String endOfDay(LocalDate businessDate) {
            return businessDate + "/END_OF_DAY";
        }
    }

    /**
     * A price a cycle settled an instrument at ({@code kind} {@code DAILY} or {@code FINAL}: a finally settled
     * instrument carries no margin after the cycle) and the account's net position in it at the cut-off.
     */
    public record CyclePrice(String instrumentId, String kind, BigDecimal price, long position) {
    }
}
