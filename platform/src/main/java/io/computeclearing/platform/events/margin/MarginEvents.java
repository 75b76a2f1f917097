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
     * each line's currency, scale 2, rounded up (a requirement is never understated).
     */
    public record MarginRequirementCalculated(String accountId, Instant calculatedAt,
                                              List<CurrencyRequirement> requirements) {
    }

    /** Initial margin (what must be held) and maintenance margin (the SPAN result) in one currency. */
    public record CurrencyRequirement(String currency, BigDecimal initialMargin, BigDecimal maintenanceMargin) {
    }
}
