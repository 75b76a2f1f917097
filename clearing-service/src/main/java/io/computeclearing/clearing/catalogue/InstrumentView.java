package io.computeclearing.clearing.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/** A listed contract month with what a trader needs of its family: currency, tick, unit and settlement rule. */
public record InstrumentView(String id, String family, YearMonth contractMonth, LocalDate lastTradingDay,
                             Instrument.Status status, String currency, BigDecimal tickSize, BigDecimal contractUnit,
                             FinalSettlementRule finalSettlementRule) {

    public static InstrumentView of(Instrument instrument) {
        ContractFamily family = instrument.family;
        return new InstrumentView(instrument.id, family.symbol, instrument.month(), instrument.lastTradingDay,
                instrument.status, family.currency, family.tickSize.stripTrailingZeros(),
                family.contractUnit.stripTrailingZeros(), family.finalSettlementRule);
    }
}
