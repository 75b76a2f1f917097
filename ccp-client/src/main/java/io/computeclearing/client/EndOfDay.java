package io.computeclearing.client;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * End-of-day runs at settlement-service: variation margin (and final settlement on a last trading day) for every
 * account with positions, zero-sum per currency, posted to account-service's ledger.
 */
public final class EndOfDay {

    /** Per kind of cash and currency: what accounts paid and received; {@code net} is zero. */
    public record Total(String kind, String currency, BigDecimal paid, BigDecimal received, BigDecimal net,
                        int accounts) {
    }

    public record Price(String instrumentId, String kind, BigDecimal price) {
    }

    /** @param amount positive when the account receives, negative when it pays */
    public record Posting(String postingId, String kind, String accountId, String memberId, String currency,
                          BigDecimal amount) {
    }

    public record Run(LocalDate businessDate, String runBy, Instant runAt, int accounts, int postingsPublished,
                      List<Total> totals, List<Price> prices, List<Posting> postings, List<String> checks) {
    }

    private final RestCalls calls;
    private final URI runs;

    EndOfDay(RestCalls calls, URI settlementService) {
        this.calls = calls;
        this.runs = RestCalls.url(settlementService, "end-of-day");
    }

    /**
     * Runs a closed business date (back office): created the first time, the same run replayed after. 409 while the
     * day is open or settlement-service still misses some of the day's trade events (retry later; nothing written).
     */
    public Recorded<Run> run(LocalDate businessDate) {
        return calls.record(RestCalls.url(runs, businessDate), null, Map.of(), Run.class);
    }

    public Run get(LocalDate businessDate) {
        return calls.get(RestCalls.url(runs, businessDate), Run.class);
    }
}
