package io.computeclearing.clearing.transfer;

/**
 * A transfer instruction that makes sense but cannot be booked: the rule it breaks, as PositionTransferRefused names
 * it, and what was found. Thrown by {@link TransferChecks} before anything is written.
 */
public final class TransferRefused extends Exception {

    /** The rules a transfer must meet, in the order they are checked. */
    public enum Reason {
        /** The giving or the receiving account is not in the account directory, or not of the member named. */
        UNKNOWN_ACCOUNT,
        /** The giving account's member is not DEFAULTED: default management moves only a defaulter's positions. */
        NOT_DEFAULTED,
        /** The receiving account belongs to the defaulted member itself. */
        SAME_MEMBER,
        /** The receiving account does not accept business (it, or its member, is suspended or defaulted). */
        RECEIVER_CLOSED,
        /** A leg's instrument is not listed. */
        UNKNOWN_INSTRUMENT,
        /** No business day after the price date is open: there is no date to book the transfer on. */
        NO_OPEN_DAY,
        /** A business day closed after the price date: its settlement prices, not these, are the last ones. */
        PRICES_STALE,
        /** A leg's instrument expired by the transfer's business date, or was finally settled. */
        INSTRUMENT_EXPIRED,
        /** The defaulter's account does not hold the contracts a porting or auction leg gives. */
        NOT_HELD
    }

    private final Reason reason;

    public TransferRefused(Reason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** What was found, for the back office and the default manager. */
    public String detail() {
        return getMessage();
    }
}
