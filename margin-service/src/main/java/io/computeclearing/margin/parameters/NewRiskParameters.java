package io.computeclearing.margin.parameters;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A new version of a family's risk parameters, effective from {@code effectiveFrom} (today if absent). Every field is
 * required except the date; ratios are initial/maintenance per account type and at least 1.
 */
public record NewRiskParameters(LocalDate effectiveFrom, String currency, BigDecimal contractUnit,
                                BigDecimal priceScanFraction, BigDecimal referencePrice,
                                BigDecimal extremeMoveMultiple, BigDecimal extremeMoveCover,
                                BigDecimal intraSpreadCharge, BigDecimal ratioHouse, BigDecimal ratioClientOmnibus,
                                BigDecimal ratioClientSegregated) {
}
