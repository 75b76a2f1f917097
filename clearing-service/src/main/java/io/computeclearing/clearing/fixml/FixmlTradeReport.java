package io.computeclearing.clearing.fixml;

import io.computeclearing.clearing.trade.TradeSubmission;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One FIXML {@code TrdCaptRpt} read into the CCP's terms: the matched trade as a {@link TradeSubmission}, what the
 * exchange wants done with it (new, cancel, replace), and the clearing firms named on each side so that account
 * ownership can be cross-checked before novation.
 *
 * <p>A report with {@link #problems()} is unusable and must not be cleared; its {@link #trade()} still carries every
 * field that could be read (the others are null) so that the answer to the exchange can name the trade.
 *
 * @param position           1-based position of the report in the document, to answer per report in a batch
 * @param reportId           {@code RptID}, the exchange's id for this report (not the trade)
 * @param transactionType    {@code TransTyp}; null only when the value was not understood (then a problem says so)
 * @param tradeType          {@code TrdTyp} as sent (FIX TrdType, for example {@code 0} regular trade, {@code 1} block
 *                           trade), null when absent
 * @param tradeIdSource      which attribute gave {@code trade().exchangeTradeId()}; null when neither was present
 * @param tradeDate          {@code TrdDt}, the date the trade was executed; null when absent
 * @param trade              the trade in the form every capture channel produces
 * @param buyClearingFirmId  {@code Pty R="4"} on the buy side, the clearing member the exchange names; null when absent
 * @param sellClearingFirmId {@code Pty R="4"} on the sell side; null when absent
 * @param problems           why the report cannot be cleared; empty when it can
 */
public record FixmlTradeReport(
        int position,
        String reportId,
        TransactionType transactionType,
        String tradeType,
        TradeIdSource tradeIdSource,
        LocalDate tradeDate,
        TradeSubmission trade,
        String buyClearingFirmId,
        String sellClearingFirmId,
        List<Problem> problems) {

    public FixmlTradeReport {
        Objects.requireNonNull(trade, "trade");
        problems = List.copyOf(problems);
    }

    /** True when nothing is wrong with the report and its trade can be submitted to clearing. */
    public boolean usable() {
        return problems.isEmpty();
    }

    /** FIX TradeReportTransType (tag 487, FIXML {@code TransTyp}): what the exchange asks the CCP to do. */
    public enum TransactionType {
        /** {@code 0}: a new trade to clear. */
        NEW("0"),
        /** {@code 1}: cancel (bust) the trade with this trade id. */
        CANCEL("1"),
        /** {@code 2}: replace the trade with this trade id by the one in this report. */
        REPLACE("2");

        private final String fixCode;

        TransactionType(String fixCode) {
            this.fixCode = fixCode;
        }

        /** The FIX enumeration value, as written in {@code TransTyp}. */
        public String fixCode() {
            return fixCode;
        }
    }

    /** The attribute the exchange trade id was taken from. */
    public enum TradeIdSource {
        /** {@code TrdID} (FIX TradeID, tag 1003), the exchange's trade id: used whenever present. */
        TRD_ID,
        /** {@code ExecID} (tag 17): the fallback for exchanges that identify trades by execution id. */
        EXEC_ID
    }

    /**
     * One reason a report cannot be cleared.
     *
     * @param field   the FIXML attribute or element at fault, for example {@code LastQty} or {@code RptSide}
     * @param message what is wrong, for a back-office user, for example {@code missing}
     */
    public record Problem(String field, String message) {

        /** {@code field: message}, for example {@code LastQty: missing}. */
        @Override
        public String toString() {
            return field + ": " + message;
        }
    }
}
