package io.computeclearing.risk.defaults;

import io.computeclearing.platform.events.risk.RiskEvents.TransferPurpose;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A default-management transfer as the API answers it. */
public record TransferView(String transferId, long defaultId, TransferPurpose purpose, String fromAccountId,
                           String toAccountId, String toMemberId, LocalDate priceDate, DefaultTransfer.Status status,
                           LocalDate businessDate, String refusalReason, String refusalDetail, String instructedBy,
                           Instant instructedAt, Instant answeredAt, List<LegView> legs) {

    /** A leg: what the receiving account takes, at which price, and what that costs the CCP against settlement. */
    public record LegView(String instrumentId, long quantity, BigDecimal price, BigDecimal settlementPrice,
                          String currency, BigDecimal closeOutCost) {
    }

    public static TransferView of(DefaultTransfer t) {
        return new TransferView(t.transferId, t.defaultId, t.purpose, t.fromAccountId, t.toAccountId, t.toMemberId,
                t.priceDate, t.status, t.businessDate, t.refusalReason, t.refusalDetail, t.instructedBy,
                t.instructedAt, t.answeredAt, t.legs.stream().map(l -> new LegView(l.instrumentId, l.quantity,
                        l.price.stripTrailingZeros(), l.settlementPrice.stripTrailingZeros(), l.currency,
                        l.closeOutCost)).toList());
    }
}
