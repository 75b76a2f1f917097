package io.computeclearing.client;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Final settlement of an expired contract month at settlement-service: the price, the rule and its index inputs. */
public final class FinalSettlements {

    /** @param rule how the index values became the price, e.g. the monthly average or a single fixing */
    public record FinalSettlement(String instrumentId, LocalDate businessDate, String rule, String indexId,
                                  BigDecimal unroundedValue, BigDecimal finalSettlementPrice, String currency,
                                  long positionsSettled, Instant settledAt, List<Input> inputs) {
    }

    public record Input(LocalDate valueDate, BigDecimal value, int version, String source) {
    }

    private final RestCalls calls;
    private final URI finalSettlements;

    FinalSettlements(RestCalls calls, URI settlementService) {
        this.calls = calls;
        this.finalSettlements = RestCalls.url(settlementService, "final-settlements");
    }

    public FinalSettlement get(String instrumentId) {
        return calls.get(RestCalls.url(finalSettlements, instrumentId), FinalSettlement.class);
    }
}
