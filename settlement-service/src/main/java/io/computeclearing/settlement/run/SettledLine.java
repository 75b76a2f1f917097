package io.computeclearing.settlement.run;

import io.computeclearing.platform.events.settlement.SettlementEvents.CashLine;
import io.computeclearing.settlement.instrument.SettledInstrument;

import java.math.BigDecimal;

/**
 * One account's settled cash flow in one instrument: {@code kind} {@code VARIATION_MARGIN} or
 * {@code FINAL_SETTLEMENT}, the prices it was computed at and {@code amount} at the currency's minor unit.
 * {@code previousPrice} is null when there was no start-of-day position to revalue.
 */
public record SettledLine(PositionCashFlow flow, SettledInstrument instrument, String kind, BigDecimal previousPrice,
                          BigDecimal settlementPrice, BigDecimal amount) {

    public String currency() {
        return instrument.currency;
    }

    public CashLine toCashLine() {
        return new CashLine(flow.instrumentId(), flow.startOfDay(), flow.endOfDay(), previousPrice, settlementPrice,
                amount);
    }
}
