package io.computeclearing.client;

import com.fasterxml.jackson.core.type.TypeReference;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Daily statements per account at settlement-service, as JSON or CSV: positions, prices, variation margin and final
 * settlement cash, initial margin, collateral and cash movements of the day. A member user reads its own accounts'
 * statements only; any other account answers 404 as if it did not exist.
 */
public final class Statements {

    /** @param priceKind DAILY or FINAL; {@code previousPrice} is null without a start-of-day position */
    public record Position(String instrumentId, String currency, long startOfDay, long bought, long sold,
                           long endOfDay, BigDecimal previousPrice, BigDecimal settlementPrice, String priceKind,
                           BigDecimal variationMargin, BigDecimal finalSettlement) {
    }

    public record CurrencyTotal(String currency, BigDecimal variationMargin, BigDecimal finalSettlement,
                                BigDecimal total) {
    }

    public record InitialMargin(String currency, BigDecimal initialMargin, BigDecimal maintenanceMargin,
                                Instant calculatedAt) {
    }

    public record Collateral(String baseCurrency, BigDecimal collateralValue, BigDecimal requirement,
                             BigDecimal excess, Instant assessedAt) {
    }

    public record CashMovement(String entryId, String movement, String asset, BigDecimal quantity,
                               Instant recordedAt) {
    }

    /**
     * One instrument's part of a cycle posting: the position at the start of the cycle revalued from the previous
     * price, and the trades since at their prices.
     */
    public record CycleLine(String instrumentId, long startOfDayPosition, long endOfDayPosition,
                            BigDecimal previousPrice, BigDecimal settlementPrice, BigDecimal amount) {
    }

    /** The account's posting in one intraday settlement cycle. */
    public record CyclePosting(String cycleId, Instant runAt, String postingId, String currency, BigDecimal amount,
                               List<CycleLine> lines) {
    }

    public record Statement(String accountId, String memberId, LocalDate businessDate, String baseCurrency,
                            Instant generatedAt, List<Position> positions, List<CurrencyTotal> totals,
                            List<InitialMargin> initialMargin, Collateral collateral,
                            List<CashMovement> cashMovements, List<CyclePosting> intradayCycles) {
    }

    private final RestCalls calls;
    private final URI statements;

    Statements(RestCalls calls, URI settlementService) {
        this.calls = calls;
        this.statements = RestCalls.url(settlementService, "statements");
    }

    public Statement get(String accountId, LocalDate businessDate) {
        return calls.get(RestCalls.url(statements, accountId, businessDate), Statement.class);
    }

    /** The account's postings in the date's intraday cycles so far, in order. */
    public List<CyclePosting> cycles(String accountId, LocalDate businessDate) {
        return calls.get(RestCalls.url(statements, accountId, businessDate, "cycles"), new TypeReference<>() { });
    }

    /** The same statement as CSV, one line per position and total after a header line. */
    public String csv(String accountId, LocalDate businessDate) {
        RestCalls.Answer answer = calls.send("GET", RestCalls.query(RestCalls.url(statements, accountId, businessDate),
                RestCalls.parameters("format", "csv")), null, null, "text/csv", Map.of(), calls.timeout());
        return answer.body();
    }
}
