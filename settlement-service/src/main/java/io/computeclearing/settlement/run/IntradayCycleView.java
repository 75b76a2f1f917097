package io.computeclearing.settlement.run;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An intraday settlement cycle: the families it settled (empty: all), when and by whom, its totals per currency
 * (paid, received, net zero), the prices it settled at and its postings ({@code kind:businessDate:account:currency}
 * followed by {@code :INTRADAY-n}).
 */
public record IntradayCycleView(String cycleId, LocalDate businessDate, int sequence, List<String> families,
                                String runBy, Instant runAt, int accounts, int postingsPublished, List<Total> totals,
                                List<Price> prices, List<Posting> postings) {

    public record Total(String currency, BigDecimal paid, BigDecimal received, BigDecimal net, int accounts) {
    }

    public record Price(String instrumentId, BigDecimal price) {
    }

    public record Posting(String postingId, String accountId, String memberId, String currency, BigDecimal amount) {
    }
}
