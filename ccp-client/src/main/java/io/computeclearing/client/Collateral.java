package io.computeclearing.client;

import com.fasterxml.jackson.core.type.TypeReference;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Collateral movements and FX rates at account-service (back office). Every movement carries an
 * {@code Idempotency-Key}: the same key with the same movement is a replay that changes nothing, with another movement
 * it is refused (409).
 */
public final class Collateral {

    /** @param amount positive, in {@code currency} (ISO 4217) */
    public record CashMovement(String currency, BigDecimal amount, String reference) {
    }

    /** @param nominal positive nominal of the security */
    public record SecurityMovement(String securityId, BigDecimal nominal, String reference) {
    }

    /** Units of {@code quoteCurrency} per one {@code baseCurrency}. */
    public record FxRate(Long id, String baseCurrency, String quoteCurrency, BigDecimal rate, Instant asOf,
                         String recordedBy, Instant recordedAt) {
    }

    private record SetRate(BigDecimal rate, Instant asOf) {
    }

    private final RestCalls calls;
    private final URI accounts;
    private final URI fxRates;

    Collateral(RestCalls calls, URI accountService) {
        this.calls = calls;
        this.accounts = RestCalls.url(accountService, "accounts");
        this.fxRates = RestCalls.url(accountService, "collateral", "fx-rates");
    }

    public Recorded<Accounts.JournalEntry> depositCash(String accountId, String idempotencyKey, CashMovement cash) {
        return move(accountId, idempotencyKey, cash, "deposits");
    }

    /** Refused (422) when it would leave the account short of cover. */
    public Recorded<Accounts.JournalEntry> withdrawCash(String accountId, String idempotencyKey, CashMovement cash) {
        return move(accountId, idempotencyKey, cash, "withdrawals");
    }

    public Recorded<Accounts.JournalEntry> depositSecurity(String accountId, String idempotencyKey,
                                                           SecurityMovement security) {
        return move(accountId, idempotencyKey, security, "securities", "deposits");
    }

    public Recorded<Accounts.JournalEntry> withdrawSecurity(String accountId, String idempotencyKey,
                                                            SecurityMovement security) {
        return move(accountId, idempotencyKey, security, "securities", "withdrawals");
    }

    private Recorded<Accounts.JournalEntry> move(String accountId, String idempotencyKey, Object movement,
                                                 String... path) {
        Object[] segments = new Object[path.length + 1];
        segments[0] = accountId;
        System.arraycopy(path, 0, segments, 1, path.length);
        return calls.record(RestCalls.url(accounts, segments), movement, Map.of("Idempotency-Key", idempotencyKey),
                Accounts.JournalEntry.class);
    }

    /** Records a rate, as of now. */
    public FxRate setFxRate(String baseCurrency, String quoteCurrency, BigDecimal rate) {
        return setFxRate(baseCurrency, quoteCurrency, rate, null);
    }

    public FxRate setFxRate(String baseCurrency, String quoteCurrency, BigDecimal rate, Instant asOf) {
        return calls.put(RestCalls.url(fxRates, baseCurrency, quoteCurrency), new SetRate(rate, asOf), FxRate.class);
    }

    /** The latest rate of every quoted pair. */
    public List<FxRate> fxRates() {
        return calls.get(fxRates, new TypeReference<>() { });
    }

    public List<FxRate> fxRateHistory(String baseCurrency, String quoteCurrency) {
        return calls.get(RestCalls.url(fxRates, baseCurrency, quoteCurrency), new TypeReference<>() { });
    }
}
