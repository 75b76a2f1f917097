package io.computeclearing.clearing.position;

import java.time.LocalDate;

/**
 * An account's position in one instrument. {@code businessDate}: for the current position, the business date of its
 * latest change; for a position as at a date, that date.
 */
public record PositionView(String accountId, String memberId, String instrumentId, boolean gross, long longQuantity,
                           long shortQuantity, long netQuantity, LocalDate businessDate, Long version) {

    public static PositionView of(Position position) {
        return new PositionView(position.accountId, position.memberId, position.instrumentId, position.gross,
                position.longQuantity, position.shortQuantity, position.netQuantity, position.businessDate,
                position.version);
    }

    /** A position rebuilt from the legs up to a date: gross accounts keep what was bought and sold, others net. */
    public static PositionView asAt(String accountId, String memberId, String instrumentId, boolean gross, long bought,
                                    long sold, LocalDate date) {
        long net = bought - sold;
        return gross
                ? new PositionView(accountId, memberId, instrumentId, true, bought, sold, net, date, null)
                : new PositionView(accountId, memberId, instrumentId, false, Math.max(net, 0), Math.max(-net, 0), net,
                date, null);
    }
}
