package io.computeclearing.margin.parameters;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A new version of a family's risk parameters, effective from {@code effectiveFrom} (today if absent). Every field is
 * required except the date and the floor; ratios are initial/maintenance per account type and at least 1;
 * {@code priceScanFloor} is the least scan range in money per contract (absent: the floor of the family's latest
 * version, none for a new family).
 */
public record NewRiskParameters(LocalDate effectiveFrom, String currency, BigDecimal contractUnit,
                                BigDecimal priceScanFraction, BigDecimal referencePrice,
                                BigDecimal extremeMoveMultiple, BigDecimal extremeMoveCover,
                                BigDecimal intraSpreadCharge, BigDecimal ratioHouse, BigDecimal ratioClientOmnibus,
                                BigDecimal ratioClientSegregated, BigDecimal priceScanFloor) {
}
