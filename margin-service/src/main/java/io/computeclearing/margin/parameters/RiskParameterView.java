package io.computeclearing.margin.parameters;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * A version of a family's risk parameters as REST shows it; the ratios are keyed by account type;
 * {@code scanRangePerContract} is the range in money per contract at the reference price (the floor applied).
 */
public record RiskParameterView(String family, int version, LocalDate effectiveFrom, String currency,
                                BigDecimal contractUnit, BigDecimal priceScanFraction, BigDecimal priceScanFloor,
                                BigDecimal referencePrice, BigDecimal scanRangePerContract,
                                BigDecimal extremeMoveMultiple, BigDecimal extremeMoveCover,
                                BigDecimal intraSpreadCharge,
                                Map<String, BigDecimal> initialToMaintenance) {

    static RiskParameterView of(RiskParameterSet p) {
        return new RiskParameterView(p.family, p.version, p.effectiveFrom, p.currency, p.contractUnit,
                p.priceScanFraction, p.priceScanFloor, p.referencePrice, p.scanRangePerContract(),
                p.extremeMoveMultiple, p.extremeMoveCover, p.intraSpreadCharge, Map.of("HOUSE", p.ratioHouse,
                        "CLIENT_OMNIBUS", p.ratioClientOmnibus, "CLIENT_SEGREGATED", p.ratioClientSegregated));
    }
}
