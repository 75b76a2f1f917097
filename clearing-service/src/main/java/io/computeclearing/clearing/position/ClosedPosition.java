package io.computeclearing.clearing.position;

import io.computeclearing.platform.events.clearing.ClearingEvents.PositionChanged;

/**
 * A position closed at final settlement: what the account held ({@code longQuantity}, {@code shortQuantity}, their
 * net) and the flat position that replaced it ({@code closing}, one version on).
 */
public record ClosedPosition(String accountId, String memberId, long longQuantity, long shortQuantity,
                             PositionChanged closing) {

    public long netQuantity() {
        return longQuantity - shortQuantity;
    }
}
