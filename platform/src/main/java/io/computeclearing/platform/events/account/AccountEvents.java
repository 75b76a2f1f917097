package io.computeclearing.platform.events.account;

import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.events.Topics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Events published by account-service on {@link Topics#ACCOUNTS}. Member events are keyed by member id, account and
 * collateral events by account id.
 */
public final class AccountEvents {

    public static final EventType<MemberRegistered> MEMBER_REGISTERED =
            EventType.of(Topics.ACCOUNTS, "member", "MemberRegistered", 1, MemberRegistered.class);
    public static final EventType<MemberAffiliationChanged> MEMBER_AFFILIATION_CHANGED =
            EventType.of(Topics.ACCOUNTS, "member", "MemberAffiliationChanged", 1, MemberAffiliationChanged.class);
    public static final EventType<FxRateRecorded> FX_RATE_RECORDED =
            EventType.of(Topics.ACCOUNTS, "fx-rate", "FxRateRecorded", 1, FxRateRecorded.class);
    public static final EventType<MemberStatusChanged> MEMBER_STATUS_CHANGED =
            EventType.of(Topics.ACCOUNTS, "member", "MemberStatusChanged", 1, MemberStatusChanged.class);
    public static final EventType<AccountOpened> ACCOUNT_OPENED =
            EventType.of(Topics.ACCOUNTS, "account", "AccountOpened", 1, AccountOpened.class);
    public static final EventType<AccountStatusChanged> ACCOUNT_STATUS_CHANGED =
            EventType.of(Topics.ACCOUNTS, "account", "AccountStatusChanged", 1, AccountStatusChanged.class);
    public static final EventType<CollateralMovementRecorded> COLLATERAL_MOVEMENT_RECORDED =
            EventType.of(Topics.ACCOUNTS, "account", "CollateralMovementRecorded", 1, CollateralMovementRecorded.class);

    public static final EventType<CollateralAssessed> COLLATERAL_ASSESSED =
            EventType.of(Topics.ACCOUNTS, "account", "CollateralAssessed", 1, CollateralAssessed.class);
    public static final EventType<MarginCallIssued> MARGIN_CALL_ISSUED =
            EventType.of(Topics.ACCOUNTS, "account", "MarginCallIssued", 1, MarginCallIssued.class);
    public static final EventType<MarginDeficitDetected> MARGIN_DEFICIT_DETECTED =
            EventType.of(Topics.ACCOUNTS, "account", "MarginDeficitDetected", 1, MarginDeficitDetected.class);
    public static final EventType<MarginCallSettled> MARGIN_CALL_SETTLED =
            EventType.of(Topics.ACCOUNTS, "account", "MarginCallSettled", 1, MarginCallSettled.class);
    public static final EventType<MarginCallEscalated> MARGIN_CALL_ESCALATED =
            EventType.of(Topics.ACCOUNTS, "account", "MarginCallEscalated", 1, MarginCallEscalated.class);
    public static final EventType<ContributionCallIssued> CONTRIBUTION_CALL_ISSUED =
            EventType.of(Topics.ACCOUNTS, "member", "ContributionCallIssued", 1, ContributionCallIssued.class);
    public static final EventType<ContributionCallSettled> CONTRIBUTION_CALL_SETTLED =
            EventType.of(Topics.ACCOUNTS, "member", "ContributionCallSettled", 1, ContributionCallSettled.class);
    public static final EventType<ContributionCallEscalated> CONTRIBUTION_CALL_ESCALATED =
            EventType.of(Topics.ACCOUNTS, "member", "ContributionCallEscalated", 1, ContributionCallEscalated.class);
    public static final EventType<DefaultWaterfallApplied> DEFAULT_WATERFALL_APPLIED =
            EventType.of(Topics.ACCOUNTS, "member", "DefaultWaterfallApplied", 1, DefaultWaterfallApplied.class);

    private AccountEvents() {
    }

    /**
     * A clearing member was admitted. {@code membershipType}: GENERAL_CLEARING_MEMBER or DIRECT_CLEARING_MEMBER;
     * {@code parentMemberId}: the member it is affiliated with (same group: counted as one in Cover-2), or null.
     */
    public record MemberRegistered(String memberId, String legalName, String lei, String membershipType, String status,
                                   String parentMemberId) {
    }

    /** A member's affiliation changed: {@code parentMemberId} is the member it now belongs with, or null for none. */
    public record MemberAffiliationChanged(String memberId, String parentMemberId, Instant changedAt) {
    }

    /**
     * An exchange rate was recorded: one {@code baseCurrency} costs {@code rate} {@code quoteCurrency} as of
     * {@code asOf} (USD/CNY 7.10). Key: {@code BASE/QUOTE}. The latest {@code asOf} of a pair is in force.
     */
    public record FxRateRecorded(String baseCurrency, String quoteCurrency, BigDecimal rate, Instant asOf,
                                 Instant recordedAt) {
    }

    /**
     * A member was suspended, reinstated or declared in default. {@code status}: ACTIVE, SUSPENDED or DEFAULTED (on
     * risk-service's {@code MemberDefaultDeclared}; final, {@code reason} names the default id and its reason).
     */
    public record MemberStatusChanged(String memberId, String status, String reason) {
    }

    /**
     * An account was opened for a member. {@code accountType}: HOUSE, CLIENT_OMNIBUS or CLIENT_SEGREGATED;
     * {@code baseCurrency}: ISO 4217 code the account is valued in.
     */
    public record AccountOpened(String accountId, String memberId, String accountType, String baseCurrency,
                                String status) {
    }

    /** An account was suspended or reinstated. {@code status}: ACTIVE or SUSPENDED. */
    public record AccountStatusChanged(String accountId, String memberId, String status, String reason) {
    }

    /**
     * A journal entry moved collateral in or out of an account. {@code movement}: DEPOSIT or WITHDRAWAL, or for cash
     * settled by the CCP VARIATION_MARGIN_RECEIVED, VARIATION_MARGIN_PAID, FINAL_SETTLEMENT_RECEIVED or
     * FINAL_SETTLEMENT_PAID; for a ported client account PORTED_OUT and PORTED_IN (DEBIT_PORTED_OUT and
     * DEBIT_PORTED_IN when the balance moved was owed); for a default's loss DEFAULT_LOSS_COVERED (into a defaulter's
     * account) and DEFAULT_COLLATERAL_APPLIED (out of a defaulter's house account);
     * {@code asset}: a currency code for cash or a security id; {@code quantity} is positive, in currency units for
     * cash and nominal for securities.
     */
    public record CollateralMovementRecorded(String entryId, String accountId, String memberId, String movement,
                                             String asset, BigDecimal quantity, Instant recordedAt) {
    }

    /**
     * The account's cover after a change (a deposit, a withdrawal, a settlement posting, a new requirement), in its
     * {@code baseCurrency}: {@code collateralValue} after haircuts (negative cash balances, i.e. unpaid settlement
     * cash, count against it), {@code requirement} the initial margin converted at current FX rates, and
     * {@code excess = collateralValue - requirement} (negative: a deficit). Scale 2.
     */
    public record CollateralAssessed(String accountId, String memberId, String baseCurrency,
                                     BigDecimal collateralValue, BigDecimal requirement, BigDecimal excess,
                                     Instant assessedAt) {
    }

    /**
     * The account's cover fell short at a settlement cycle: the member must deliver collateral worth {@code amount}
     * in {@code currency} (scale 2) by {@code deadline}. {@code requirement} and {@code collateralValue} are the
     * figures that gave the deficit, in the same currency: the requirement at the prices of cycle {@code cycleId}
     * against the collateral after the cycle's postings.
     */
    public record MarginCallIssued(String callId, String accountId, String memberId, String currency,
                                   BigDecimal amount, BigDecimal requirement, BigDecimal collateralValue,
                                   Instant deadline, Instant issuedAt, String cycleId) {
    }

    /**
     * The account's cover fell short between settlement cycles (a position, a parameter or a collateral price
     * changed), by more than any call it has open: {@code deficit} in {@code currency} (scale 2, rounded up). No call
     * is issued for it; the next cycle calls from its own snapshot. For the risk team, who may run a cycle now.
     * {@code cause} is what changed (a cover assessment cause, e.g. {@code REQUIREMENT}).
     */
    public record MarginDeficitDetected(String accountId, String memberId, String currency, BigDecimal deficit,
                                        BigDecimal requirement, BigDecimal collateralValue, String cause,
                                        Instant detectedAt) {
    }

    /** A margin call was met ({@code reason}: e.g. COVERED by a deposit or a lower requirement). */
    public record MarginCallSettled(String callId, String accountId, String memberId, String currency,
                                    BigDecimal amount, String reason, Instant settledAt) {
    }

    /**
     * A margin call was not met by its deadline: {@code outstanding} is still missing. Default management acts on
     * this event.
     */
    public record MarginCallEscalated(String callId, String accountId, String memberId, String currency,
                                      BigDecimal outstanding, Instant deadline, Instant escalatedAt) {
    }

    /**
     * The member's default fund contribution held falls short of its required contribution (from the risk service's
     * sizing {@code sizingId}): it must deliver {@code amount = required - held} in {@code currency} (scale 2) by
     * {@code deadline}. Published again, same {@code callId} and deadline, when a higher requirement raises an OPEN
     * call. Key: member id.
     */
    public record ContributionCallIssued(String callId, String memberId, String currency, BigDecimal amount,
                                         BigDecimal required, BigDecimal held, long sizingId, Instant deadline,
                                         Instant issuedAt) {
    }

    /**
     * A contribution call was met: the contribution held reached the required one. {@code reason}:
     * COVERED_BY_DEPOSIT or COVERED_BY_REQUIREMENT (a lower requirement). Key: member id.
     */
    public record ContributionCallSettled(String callId, String memberId, String currency, BigDecimal amount,
                                          String reason, Instant settledAt) {
    }

    /**
     * A contribution call was not met by its deadline: {@code outstanding} is still missing. Default management acts
     * on this event. Key: member id.
     */
    public record ContributionCallEscalated(String callId, String memberId, String currency, BigDecimal outstanding,
                                            Instant deadline, Instant escalatedAt) {
    }

    /**
     * A defaulter's loss was covered through the default waterfall, in the default fund's {@code currency}: the loss
     * (what the defaulter's accounts owed once its positions were closed out), what each layer bore
     * ({@code defaulterCollateral}, {@code defaulterContribution}, {@code ccpTranche}, {@code survivorContributions},
     * {@code survivorAssessments}), each survivor's share, and what no layer covered; the layers and {@code uncovered}
     * add up to {@code loss} exactly. {@code entryIds} are the journal entries that carried it out;
     * {@code otherCurrencies} what the defaulter's accounts still owe in other currencies (not covered by the
     * fund). Key: the defaulter's member id.
     */
    public record DefaultWaterfallApplied(long defaultId, String memberId, String currency, BigDecimal loss,
                                          BigDecimal defaulterCollateral, BigDecimal defaulterContribution,
                                          BigDecimal ccpTranche, BigDecimal survivorContributions,
                                          BigDecimal survivorAssessments, BigDecimal uncovered,
                                          List<SurvivorShare> survivors, List<OwedAmount> otherCurrencies,
                                          List<String> entryIds, String appliedBy, Instant appliedAt) {
    }

    /** What a surviving member bore: from its contribution, and assessed beyond it. */
    public record SurvivorShare(String memberId, BigDecimal fromContribution, BigDecimal assessed) {
    }

    /** An amount owed in a currency. */
    public record OwedAmount(String currency, BigDecimal amount) {
    }
}
