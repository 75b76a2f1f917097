package io.computeclearing.account.cycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * An account's part in a settlement cycle as members and staff see it: when its postings were booked
 * ({@code cashSettledAt}), the initial margin per currency at the cycle's prices, and the snapshot the call decision
 * was taken on (requirement, collateral value and excess in {@code baseCurrency}; {@code callId} the call it issued,
 * raised or left outstanding). A call's amount is {@code -excess} rounded up to the cent.
 */
public record SettlementCycleView(String cycleId, LocalDate businessDate, SettlementCycle.Status status,
                                  Instant cashSettledAt, Instant requirementCalculatedAt,
                                  Map<String, BigDecimal> initialMargins, String baseCurrency, BigDecimal requirement,
                                  BigDecimal collateralValue, BigDecimal excess, UUID callId, Instant decidedAt) {

    static SettlementCycleView of(SettlementCycle cycle) {
        return new SettlementCycleView(cycle.key.cycleId(), cycle.businessDate, cycle.status, cycle.cashSettledAt,
                cycle.requirementCalculatedAt, cycle.initialMargins(), cycle.baseCurrency, cycle.requirement,
                cycle.collateralValue, cycle.excess, cycle.callId, cycle.decidedAt);
    }
}
