package io.computeclearing.risk.stress;

import java.math.BigDecimal;

/**
 * An instrument as a stress run revalues it: its terms and the business date's settlement price, in {@code currency}
 * per unit; one contract is {@code contractUnit} units.
 */
public record StressInstrument(String instrumentId, String family, String contractMonth, String currency,
                               BigDecimal contractUnit, String indexId, BigDecimal settlementPrice) {
}
