package io.computeclearing.settlement.finalsettlement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An instrument's final settlement: the price (FSP), the rule, the unrounded result and every index value used with
 * its version, and how many positions were closed at it.
 */
public record FinalSettlementView(String instrumentId, LocalDate businessDate, String rule, String indexId,
                                  BigDecimal unroundedValue, BigDecimal finalSettlementPrice, String currency,
                                  long positionsSettled, Instant settledAt, List<Input> inputs) {

    /** One index value the fixing used. */
    public record Input(LocalDate valueDate, BigDecimal value, int version, String source) {
    }
}
