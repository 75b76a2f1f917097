package io.computeclearing.settlement.statement;

import io.computeclearing.platform.events.settlement.SettlementEvents.CashLine;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An account's daily statement as the end-of-day run produced it: per instrument the position (start of day, bought,
 * sold, end of day), the settlement prices and the variation margin or final settlement cash; totals per currency
 * (positive: paid to the account); the initial margin last calculated before the run; the latest collateral
 * assessment (value after haircuts, requirement, excess, negative for a deficit); the day's collateral movements;
 * and the day's intraday settlement cycles before the run ({@code intradayCycles}, in order), whose last prices are
 * the run's previous prices: the day's variation margin is the cycles' and the run's added together.
 */
public record AccountStatement(String accountId, String memberId, LocalDate businessDate, String baseCurrency,
                               Instant generatedAt, List<Position> positions, List<CurrencyTotal> totals,
                               List<InitialMargin> initialMargin, Collateral collateral,
                               List<CashMovement> cashMovements, List<CyclePosting> intradayCycles) {

    /**
     * The account's posting in one intraday cycle: per instrument the position at the start of the cycle revalued
     * from the previous price, and the trades since at their prices ({@code lines}, summing to {@code amount}).
     */
    public record CyclePosting(String cycleId, Instant runAt, String postingId, String currency, BigDecimal amount,
                               List<CashLine> lines) {
    }

    /**
     * {@code priceKind} DAILY or FINAL; {@code previousPrice} is null without a start-of-day position. On an
     * instrument's last trading day the cash is final settlement and the position is closed by it.
     */
    public record Position(String instrumentId, String currency, long startOfDay, long bought, long sold,
                           long endOfDay, BigDecimal previousPrice, BigDecimal settlementPrice, String priceKind,
                           BigDecimal variationMargin, BigDecimal finalSettlement) {
    }

    public record CurrencyTotal(String currency, BigDecimal variationMargin, BigDecimal finalSettlement,
                                BigDecimal total) {
    }

    public record InitialMargin(String currency, BigDecimal initialMargin, BigDecimal maintenanceMargin,
                                Instant calculatedAt) {
    }

    public record Collateral(String baseCurrency, BigDecimal collateralValue, BigDecimal requirement,
                             BigDecimal excess, Instant assessedAt) {
    }

    public record CashMovement(String entryId, String movement, String asset, BigDecimal quantity,
                               Instant recordedAt) {
    }
}
