package io.computeclearing.settlement.run;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An end-of-day run as recorded: per kind and currency what the CCP paid to and received from accounts (their net is
 * zero), the price each instrument was settled at, every posting, and the checks the run passed.
 */
public record EndOfDayRunView(LocalDate businessDate, String runBy, Instant runAt, int accounts, int postingsPublished,
                              List<Total> totals, List<Price> prices, List<Posting> postings, List<String> checks) {

    /** {@code paid} to accounts (sum of positive amounts), {@code received} from them (sum of negatives, positive). */
    public record Total(String kind, String currency, BigDecimal paid, BigDecimal received, BigDecimal net,
                        int accounts) {
    }

    /** {@code kind} DAILY (the daily settlement price) or FINAL (the final settlement price). */
    public record Price(String instrumentId, String kind, BigDecimal price) {
    }

    /** A posting; only those with a non-zero amount are published as {@code SettlementCashPosted}. */
    public record Posting(String postingId, String kind, String accountId, String memberId, String currency,
                          BigDecimal amount) {
    }
}
