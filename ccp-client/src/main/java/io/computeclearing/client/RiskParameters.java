package io.computeclearing.client;

import com.fasterxml.jackson.core.type.TypeReference;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The SPAN risk parameters in force per contract family at margin-service (staff). */
public final class RiskParameters {

    /**
     * One version of a family's parameters: the price scan range per contract and the charges SPAN adds on top.
     *
     * @param priceScanFloor       the least price scan range in money per contract, whatever the price
     * @param initialToMaintenance the ratio of initial to maintenance margin per account type
     */
    public record RiskParameterSet(String family, int version, LocalDate effectiveFrom, String currency,
                                   BigDecimal contractUnit, BigDecimal priceScanFraction, BigDecimal priceScanFloor,
                                   BigDecimal referencePrice,
                                   BigDecimal scanRangePerContract, BigDecimal extremeMoveMultiple,
                                   BigDecimal extremeMoveCover, BigDecimal intraSpreadCharge,
                                   Map<String, BigDecimal> initialToMaintenance) {
    }

    private final RestCalls calls;
    private final URI parameters;

    RiskParameters(RestCalls calls, URI marginService) {
        this.calls = calls;
        this.parameters = RestCalls.url(marginService, "risk-parameters");
    }

    public List<RiskParameterSet> inForce() {
        return calls.get(parameters, new TypeReference<>() { });
    }

    public RiskParameterSet get(String family) {
        return calls.get(RestCalls.url(parameters, family), RiskParameterSet.class);
    }
}
