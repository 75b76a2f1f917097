package io.computeclearing.client;

import com.fasterxml.jackson.core.type.TypeReference;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Intraday settlement cycles at settlement-service: variation margin during the business day at prices the risk team
 * or back office give, against the previous cycle's price; margin-service re-margins at them and account-service calls
 * margin from that one snapshot.
 */
public final class SettlementCycles {

    /** What to settle: the families (empty or null: all) at these prices, one for every instrument with positions. */
    public record Request(List<String> families, List<SettlementPrices.NewPrice> prices) {
    }

    public record Total(String currency, BigDecimal paid, BigDecimal received, BigDecimal net, int accounts) {
    }

    public record Price(String instrumentId, BigDecimal price) {
    }

    /** @param amount positive when the account receives, negative when it pays */
    public record Posting(String postingId, String accountId, String memberId, String currency, BigDecimal amount) {
    }

    public record Cycle(String cycleId, LocalDate businessDate, int sequence, List<String> families, String runBy,
                        Instant runAt, int accounts, int postingsPublished, List<Total> totals, List<Price> prices,
                        List<Posting> postings) {
    }

    private final RestCalls calls;
    private final URI cycles;

    SettlementCycles(RestCalls calls, URI settlementService) {
        this.calls = calls;
        this.cycles = RestCalls.url(settlementService, "settlement-cycles");
    }

    /** Runs a cycle now (risk or back office); 409 naming what is missing, 422 for a price off its tick grid. */
    public Cycle run(LocalDate businessDate, Request request) {
        return calls.post(RestCalls.url(cycles, businessDate), request, Cycle.class);
    }

    /** The cycles of the date, in order. */
    public List<Cycle> ofDate(LocalDate businessDate) {
        return calls.get(RestCalls.url(cycles, businessDate), new TypeReference<>() { });
    }
}
