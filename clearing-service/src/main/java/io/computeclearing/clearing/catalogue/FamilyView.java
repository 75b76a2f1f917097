package io.computeclearing.clearing.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A contract family as the catalogue shows it, with the value of one tick worked out. */
public record FamilyView(String symbol, String description, String underlyingIndexId, String currency,
                         BigDecimal contractUnit, String unitDescription, BigDecimal tickSize, BigDecimal tickValue,
                         int listingCycleMonths, LastTradingDayRule lastTradingDayRule, int lastTradingDayOffset,
                         FinalSettlementRule finalSettlementRule, List<LocalDate> holidays) {

    public static FamilyView of(ContractFamily family) {
        return new FamilyView(family.symbol, family.description, family.underlyingIndexId, family.currency,
                family.contractUnit.stripTrailingZeros(), family.unitDescription, family.tickSize.stripTrailingZeros(),
                family.tickValue(), family.listingCycleMonths, family.lastTradingDayRule, family.lastTradingDayOffset,
                family.finalSettlementRule, family.holidays.stream().sorted().toList());
    }
}
