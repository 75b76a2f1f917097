package io.computeclearing.clearing.settlement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An instrument's final settlement as an operator sees it: the final settlement price (in {@code currency} per unit of
 * the underlying), when it was settled and closed, and the positions closed (a member sees only its own).
 */
public record FinalSettlementView(String instrumentId, LocalDate businessDate, BigDecimal finalSettlementPrice,
                                  String currency, long positionsSettled, int positionsClosed, Instant settledAt,
                                  Instant closedAt, List<Closed> closedPositions) {

    /** A position as it was held when final settlement closed it. */
    public record Closed(String accountId, String memberId, long longQuantity, long shortQuantity, long netQuantity,
                         long closingVersion) {
    }

    public static FinalSettlementView of(FinalSettlement settlement, List<FinalSettlementPosition> positions) {
        return new FinalSettlementView(settlement.instrumentId, settlement.businessDate,
                settlement.finalSettlementPrice.stripTrailingZeros(), settlement.currency, settlement.positionsSettled,
                settlement.positionsClosed, settlement.settledAt, settlement.closedAt, positions.stream()
                .map(p -> new Closed(p.accountId, p.memberId, p.longQuantity, p.shortQuantity, p.netQuantity,
                        p.closingVersion))
                .toList());
    }
}
