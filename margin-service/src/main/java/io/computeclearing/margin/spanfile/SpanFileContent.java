package io.computeclearing.margin.spanfile;

import io.computeclearing.margin.parameters.InterSpreadDefinition;
import io.computeclearing.margin.span.RiskArray;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * What a SPAN risk parameter file says, in margin-service's terms: for a business date, per product family (one
 * combined commodity) the parameters margin-service stores as a risk parameter version, and the contract months with
 * the price and risk array each is margined at.
 *
 * @param businessDate the file's point in time ({@code pointInTime/date})
 * @param families     one entry per combined commodity
 * @param interSpreads the inter-commodity spreads between the families ({@code interSpreads/dSpread}), by priority
 */
public record SpanFileContent(LocalDate businessDate, List<Family> families, List<InterSpreadDefinition> interSpreads) {

    public SpanFileContent {
        Objects.requireNonNull(businessDate, "businessDate");
        families = List.copyOf(families);
        interSpreads = List.copyOf(interSpreads);
    }

    /** A file without inter-commodity spreads. */
    public SpanFileContent(LocalDate businessDate, List<Family> families) {
        this(businessDate, families, List.of());
    }

    /**
     * One product family: a combined commodity of futures on one index.
     *
     * @param family              the family symbol ({@code ccDef/cc}, the futures portfolio's {@code pfCode})
     * @param currency            ISO 4217 code of prices and margin
     * @param contractUnit        units of the index per contract ({@code cvf})
     * @param referencePrice      the configured reference price ({@code phy/p} of the index portfolio), used for months
     *                            without a settlement price
     * @param priceScanFraction   price scan range as a fraction of the price ({@code phy/scanRate/priceScan / p})
     * @param extremeMoveMultiple the extreme move in price scan ranges (scenarios 15 and 16 of {@code pointDef})
     * @param extremeMoveCover    the weight of the extreme scenarios
     * @param intraSpreadCharge   the flat charge per calendar spread ({@code dSpread/rate/val}); null when the file
     *                            has fewer than two months and so no spread
     * @param ratioHouse          initial/maintenance ratio of house accounts ({@code adjRate} of account type H)
     * @param ratioClientOmnibus  the same for client omnibus accounts (O)
     * @param ratioClientSegregated the same for client segregated accounts (S)
     * @param priceScanFloor      the least scan range in money per contract: no element of its own, it shows as the
     *                            {@code priceScan} of the months whose {@code |p| x fraction} is below it; null when
     *                            no month is floored (the file does not tell)
     * @param contracts           the contract months, nearest first
     */
    public record Family(String family, String currency, BigDecimal contractUnit, BigDecimal referencePrice,
                         BigDecimal priceScanFraction, BigDecimal extremeMoveMultiple, BigDecimal extremeMoveCover,
                         BigDecimal intraSpreadCharge, BigDecimal ratioHouse, BigDecimal ratioClientOmnibus,
                         BigDecimal ratioClientSegregated, BigDecimal priceScanFloor, List<Contract> contracts) {

        public Family {
            contracts = List.copyOf(contracts);
        }
    }

    /**
     * A futures contract month as margined.
     *
     * @param month          the contract month ({@code fut/pe}, YYYYMM)
     * @param price          the price its risk array is built at ({@code fut/p}): the latest settlement price, or the
     *                       configured reference price
     * @param priceScanRange the price scan range in price units ({@code fut/scanRate/priceScan})
     * @param riskArray      loss of one long contract in the 16 scenarios and its composite delta ({@code fut/ra})
     */
    public record Contract(YearMonth month, BigDecimal price, BigDecimal priceScanRange, RiskArray riskArray) {
    }
}
