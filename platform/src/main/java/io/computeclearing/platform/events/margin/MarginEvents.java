package io.computeclearing.platform.events.margin;

import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.events.Topics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Events published by margin-service on {@link Topics#MARGIN_REQUIREMENTS}, keyed by account id. */
public final class MarginEvents {

    public static final EventType<MarginRequirementCalculated> MARGIN_REQUIREMENT_CALCULATED =
            EventType.of(Topics.MARGIN_REQUIREMENTS, "account", "MarginRequirementCalculated", 1,
                    MarginRequirementCalculated.class);

    private MarginEvents() {
    }

    /**
     * The account's whole margin requirement as of {@code calculatedAt}: it replaces any earlier one. Amounts are in
     * each line's currency, scale 2, rounded up (a requirement is never understated). {@code cycleId} is set when the
     * requirement was calculated for a settlement cycle, at the cycle's prices ({@code AccountCycleSettled}); null
     * when a position, a price or a parameter changed between cycles.
     */
    public record MarginRequirementCalculated(String accountId, Instant calculatedAt,
                                              List<CurrencyRequirement> requirements,
                                              List<CommodityCharge> breakdown, String cycleId) {

        /** A requirement between cycles. */
        public MarginRequirementCalculated(String accountId, Instant calculatedAt,
                                           List<CurrencyRequirement> requirements, List<CommodityCharge> breakdown) {
            this(accountId, calculatedAt, requirements, breakdown, null);
        }
    }

    /**
     * How one combined commodity's risk was assembled (maintenance level, in {@code currency}, scale 2):
     * {@code scanRisk} at scenario {@code activeScenario} (1-16), plus {@code intraSpreadCharge} and
     * {@code spotCharge}, less {@code interSpreadCredit}, at least {@code shortOptionMinimum}, gives {@code risk};
     * {@code netOptionValue} is reported beside it.
     */
    public record CommodityCharge(String combinedCommodity, String currency, BigDecimal scanRisk, int activeScenario,
                                  BigDecimal intraSpreadCharge, BigDecimal spotCharge, BigDecimal interSpreadCredit,
                                  BigDecimal shortOptionMinimum, BigDecimal netOptionValue, BigDecimal risk) {
    }

    /** Initial margin (what must be held) and maintenance margin (the SPAN result) in one currency. */
    public record CurrencyRequirement(String currency, BigDecimal initialMargin, BigDecimal maintenanceMargin) {
    }
}
