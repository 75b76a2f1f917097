package io.computeclearing.clearing.fixml;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.computeclearing.platform.problem.Problem.Violation;

import java.util.List;

/**
 * The answer to a FIXML document: how many reports had each result, and each report's result in document order (the
 * same shape as a JSON batch's, with the report's position, id and transaction type).
 */
public record FixmlCaptureResult(int accepted, int duplicates, int rejected, int busted, int corrected,
                                 List<Item> results) {

    /**
     * ACCEPTED: a NEW trade cleared; DUPLICATE: the report was acted on before, nothing happened again; REJECTED:
     * nothing written, see {@code violations}; BUSTED: a CANCEL busted the trade; CORRECTED: a REPLACE busted the
     * trade and cleared the replacement ({@code tradeId} is the new trade, {@code correctsTradeId} the old one).
     */
    public enum Status { ACCEPTED, DUPLICATE, REJECTED, BUSTED, CORRECTED }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(int position, String reportId, String exchangeTradeId,
                       FixmlTradeReport.TransactionType transactionType, Status status, Long tradeId,
                       Long correctsTradeId, List<Violation> violations) {

        static Item rejected(FixmlTradeReport report, List<Violation> violations) {
            return new Item(report.position(), report.reportId(), report.trade().exchangeTradeId(),
                    report.transactionType(), Status.REJECTED, null, null, List.copyOf(violations));
        }

        static Item of(FixmlTradeReport report, Status status, Long tradeId, Long correctsTradeId) {
            return new Item(report.position(), report.reportId(), report.trade().exchangeTradeId(),
                    report.transactionType(), status, tradeId, correctsTradeId, List.of());
        }
    }

    public static FixmlCaptureResult of(List<Item> items) {
        int[] counts = new int[Status.values().length];
        items.forEach(item -> counts[item.status().ordinal()]++);
        return new FixmlCaptureResult(counts[0], counts[1], counts[2], counts[3], counts[4], items);
    }
}
