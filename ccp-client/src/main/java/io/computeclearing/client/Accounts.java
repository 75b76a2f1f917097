package io.computeclearing.client;

import com.fasterxml.jackson.core.type.TypeReference;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Accounts of clearing members and what account-service knows about each: collateral balances valued in the base
 * currency, the collateral journal, the margin requirement margin-service computed, the last cover assessment and the
 * settlement cycles' margin call snapshots.
 */
public final class Accounts {

    public enum Type { HOUSE, CLIENT_OMNIBUS, CLIENT_SEGREGATED }

    public enum Status { ACTIVE, SUSPENDED }

    public record NewAccount(String id, String memberId, Type type, String baseCurrency) {
    }

    public record Account(String id, String memberId, Type type, Status status, String baseCurrency,
                          String statusReason, Instant createdAt, Instant updatedAt) {
    }

    /**
     * Collateral valued in the account's base currency against its initial margin requirement.
     *
     * @param excess collateral value minus requirement; negative when the account is short of cover
     */
    public record Balances(String accountId, String baseCurrency, Instant valuedAt, Instant requirementCalculatedAt,
                           List<Holding> holdings, BigDecimal collateralValue, List<RequirementValue> requirements,
                           BigDecimal marginRequirement, BigDecimal excess) {
    }

    /** One asset held, its haircut value and that value in the base currency. */
    public record Holding(String asset, String assetClass, String assetType, String currency, BigDecimal quantity,
                          BigDecimal price, BigDecimal marketValue, BigDecimal haircut, BigDecimal fxHaircut,
                          BigDecimal collateralValue, String fxPair, BigDecimal fxRate,
                          BigDecimal collateralValueInBaseCurrency) {
    }

    public record RequirementValue(String currency, BigDecimal initialMargin, String fxPair, BigDecimal fxRate,
                                   BigDecimal initialMarginInBaseCurrency) {
    }

    public record JournalPage(String accountId, int page, int size, long totalEntries, List<JournalEntry> entries) {
    }

    /** DEPOSIT, WITHDRAWAL, VARIATION_MARGIN or FINAL_SETTLEMENT, with its double-entry postings. */
    public record JournalEntry(UUID id, String accountId, String kind, String idempotencyKey, String reference,
                               String createdBy, Instant createdAt, List<JournalPosting> postings) {
    }

    /** One side of an entry: the book (the member's collateral, the CCP's settlement account...) and the quantity. */
    public record JournalPosting(Long id, String book, String accountId, String assetClass, String asset,
                                 BigDecimal quantity) {
    }

    /** The initial and maintenance margin per currency, as margin-service last computed it. */
    public record MarginRequirement(String accountId, Instant calculatedAt, List<RequirementLine> requirements) {
    }

    public record RequirementLine(String currency, BigDecimal initialMargin, BigDecimal maintenanceMargin) {
    }

    /** The last comparison of collateral with requirement, and what caused it. */
    public record Cover(String accountId, String baseCurrency, BigDecimal collateralValue, BigDecimal requirement,
                        BigDecimal excess, String cause, Instant assessedAt) {
    }

    private record Reason(String reason) {
    }

    /**
     * An account's part in a settlement cycle: its initial margin at the cycle's prices and the snapshot its margin
     * call decision was taken on ({@code status} PENDING, CALLED, COVERED or SUPERSEDED); a call's amount is
     * {@code -excess} rounded up to the cent.
     */
    public record SettlementCycle(String cycleId, LocalDate businessDate, String status, Instant cashSettledAt,
                                  Instant requirementCalculatedAt, Map<String, BigDecimal> initialMargins,
                                  String baseCurrency, BigDecimal requirement, BigDecimal collateralValue,
                                  BigDecimal excess, UUID callId, Instant decidedAt) {
    }

    private final RestCalls calls;
    private final URI accounts;

    Accounts(RestCalls calls, URI accountService) {
        this.calls = calls;
        this.accounts = RestCalls.url(accountService, "accounts");
    }

    /** Opens an account (back office); 409 when the id is taken. */
    public Account open(NewAccount account) {
        return calls.post(accounts, account, Account.class);
    }

    /** The accounts the caller may see (a member user: its own), of one member when {@code memberId} is not null. */
    public List<Account> list(String memberId) {
        return calls.get(RestCalls.query(accounts, RestCalls.parameters("memberId", memberId)),
                new TypeReference<>() { });
    }

    public Account get(String id) {
        return calls.get(RestCalls.url(accounts, id), Account.class);
    }

    public Account suspend(String id, String reason) {
        return calls.post(RestCalls.url(accounts, id, "suspend"), new Reason(reason), Account.class);
    }

    public Account reinstate(String id, String reason) {
        return calls.post(RestCalls.url(accounts, id, "reinstate"), new Reason(reason), Account.class);
    }

    public Balances balances(String id) {
        return calls.get(RestCalls.url(accounts, id, "balances"), Balances.class);
    }

    /** @param size 1 to 200 entries a page */
    public JournalPage journal(String id, int page, int size) {
        return calls.get(RestCalls.query(RestCalls.url(accounts, id, "journal"),
                RestCalls.parameters("page", page, "size", size)), JournalPage.class);
    }

    public MarginRequirement marginRequirement(String id) {
        return calls.get(RestCalls.url(accounts, id, "margin-requirement"), MarginRequirement.class);
    }

    public Cover cover(String id) {
        return calls.get(RestCalls.url(accounts, id, "cover"), Cover.class);
    }

    /** The account's settlement cycles, newest first (the first page of 50). */
    public List<SettlementCycle> settlementCycles(String id) {
        return calls.get(RestCalls.url(accounts, id, "settlement-cycles"), new TypeReference<>() { });
    }
}
