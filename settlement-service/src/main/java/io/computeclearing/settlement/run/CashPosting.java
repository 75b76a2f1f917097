package io.computeclearing.settlement.run;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the CCP settles with one account for one date, kind and currency: the sum of its lines. Positive is paid to
 * the account. {@code postingId} is {@code kind:businessDate:accountId:currency}, stable across repeated runs.
 */
public record CashPosting(String postingId, String kind, LocalDate businessDate, String accountId, String memberId,
                          String currency, BigDecimal amount, List<SettledLine> lines) {

    public static String id(String kind, LocalDate businessDate, String accountId, String currency) {
        return kind + ":" + businessDate + ":" + accountId + ":" + currency;
    }
}
