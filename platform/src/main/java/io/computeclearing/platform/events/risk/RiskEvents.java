package io.computeclearing.platform.events.risk;

import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.events.Topics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Events published by risk-service on {@link Topics#RISK}. Amounts are in the reporting currency ({@code currency},
 * USD), scale 2. Keys: business date for stress runs and shortfalls, sizing id for a sizing, member id for a
 * member's contribution and for default management, product family for backtesting alerts.
 */
public final class RiskEvents {

    public static final EventType<StressRunCompleted> STRESS_RUN_COMPLETED =
            EventType.of(Topics.RISK, "stress-run", "StressRunCompleted", 1, StressRunCompleted.class);
    public static final EventType<DefaultFundShortfall> DEFAULT_FUND_SHORTFALL =
            EventType.of(Topics.RISK, "stress-run", "DefaultFundShortfall", 1, DefaultFundShortfall.class);
    public static final EventType<DefaultFundSized> DEFAULT_FUND_SIZED =
            EventType.of(Topics.RISK, "fund-sizing", "DefaultFundSized", 1, DefaultFundSized.class);
    public static final EventType<DefaultFundContributionRequired> DEFAULT_FUND_CONTRIBUTION_REQUIRED =
            EventType.of(Topics.RISK, "member", "DefaultFundContributionRequired", 1,
                    DefaultFundContributionRequired.class);
    public static final EventType<BacktestTrafficLightChanged> BACKTEST_TRAFFIC_LIGHT_CHANGED =
            EventType.of(Topics.RISK, "family", "BacktestTrafficLightChanged", 1, BacktestTrafficLightChanged.class);

    public static final EventType<DefaultProposed> DEFAULT_PROPOSED =
            EventType.of(Topics.RISK, "member", "DefaultProposed", 1, DefaultProposed.class);
    public static final EventType<DefaultProposalWithdrawn> DEFAULT_PROPOSAL_WITHDRAWN =
            EventType.of(Topics.RISK, "member", "DefaultProposalWithdrawn", 1, DefaultProposalWithdrawn.class);
    public static final EventType<MemberDefaultDeclared> MEMBER_DEFAULT_DECLARED =
            EventType.of(Topics.RISK, "member", "MemberDefaultDeclared", 1, MemberDefaultDeclared.class);
    public static final EventType<PositionTransferInstructed> POSITION_TRANSFER_INSTRUCTED =
            EventType.of(Topics.RISK, "account", "PositionTransferInstructed", 1, PositionTransferInstructed.class);

    /** Why default management moves a defaulter's positions. */
    public enum TransferPurpose {
        /** A client account ported to a receiving member that accepted it: its collateral moves with it. */
        PORTING,
        /** An auction lot handed to the winning bidder at prices that realise its bid. */
        AUCTION,
        /** A hedging trade the default manager agreed with a willing member at an agreed price. */
        HEDGE
    }

    private RiskEvents() {
    }

    /**
     * A stress run of {@code businessDate} finished: Cover-1 (the largest member group's uncovered loss) and Cover-2
     * (the two largest added) at their worst scenario, and the member groups (the parent's id) that set Cover-2.
     */
    public record StressRunCompleted(long runId, LocalDate businessDate, String currency, BigDecimal cover1,
                                     String cover1Scenario, BigDecimal cover2, String cover2Scenario,
                                     List<String> cover2Members, int accounts, int scenarios, Instant completedAt) {
    }

    /** A daily stress run found the default fund below the day's Cover-2 by {@code shortfall}; a resize follows. */
    public record DefaultFundShortfall(long runId, LocalDate businessDate, String currency, BigDecimal fundSize,
                                       BigDecimal cover2, BigDecimal shortfall, Instant detectedAt) {
    }

    /**
     * The default fund was sized: {@code fundSize = max(maxCover2 x (1 + buffer), minimum)}, in force from
     * {@code effectiveDate}. {@code reason}: PERIODIC, SHORTFALL or ON_DEMAND.
     */
    public record DefaultFundSized(long sizingId, LocalDate effectiveDate, String currency, BigDecimal fundSize,
                                   BigDecimal maxCover2, BigDecimal buffer, String reason, Instant sizedAt) {
    }

    /**
     * A member's required default fund contribution under sizing {@code sizingId}: the contributions of all members
     * of one sizing add up exactly to its fund size. account-service opens a contribution call when it holds less.
     */
    public record DefaultFundContributionRequired(long sizingId, String memberId, String currency, BigDecimal amount,
                                                  LocalDate effectiveDate, Instant requiredAt) {
    }

    /**
     * A product family's margin backtest changed colour over the rolling window: {@code light} GREEN (0-4
     * exceedances), YELLOW (5-9) or RED (10 and more), over {@code observations} days at {@code holdingDays}.
     */
    public record BacktestTrafficLightChanged(String family, LocalDate businessDate, int holdingDays,
                                              int exceedances, int observations, String light,
                                              String previousLight, Instant changedAt) {
    }

    /**
     * A default of {@code memberId} was proposed and waits for a second person's approval. {@code reason}:
     * MISSED_MARGIN_CALL, MISSED_CONTRIBUTION_CALL, INSOLVENCY or REGULATOR; {@code proposedBy} is the risk user, or
     * {@code risk-service} when an escalated call ({@code callId}) proposed it.
     */
    public record DefaultProposed(long defaultId, String memberId, String reason, String detail, String callId,
                                  String proposedBy, Instant proposedAt) {
    }

    /** A default proposal was withdrawn before approval; the member is not in default. */
    public record DefaultProposalWithdrawn(long defaultId, String memberId, String withdrawnBy, String why,
                                           Instant withdrawnAt) {
    }

    /**
     * {@code memberId} is in default: proposed by {@code proposedBy} and approved by {@code approvedBy}, two different
     * people. account-service marks the member DEFAULTED (its accounts then take no new trades, give-ups or
     * withdrawals); margin is still computed.
     */
    public record MemberDefaultDeclared(long defaultId, String memberId, String reason, String detail,
                                        String proposedBy, String approvedBy, Instant declaredAt) {
    }

    /**
     * Default management moves positions of defaulted member {@code fromMemberId}'s account {@code fromAccountId} to
     * {@code toAccountId} of another member. clearing-service books each leg as a transfer trade on the first open
     * business date after {@code priceDate} (the date of the last settlement prices) and answers with
     * {@code PositionsTransferred} or {@code PositionTransferRefused}; for {@link TransferPurpose#PORTING}
     * account-service then moves the account's collateral with the positions. {@code transferId} is unique (at most 50
     * characters): the same instruction again changes nothing. {@code defaultId} is positive; 1 to 1,000 legs (none
     * for the porting of an account that holds nothing). Key: {@code fromAccountId}.
     */
    public record PositionTransferInstructed(String transferId, long defaultId, String purpose, String fromAccountId,
                                             String fromMemberId, String toAccountId, String toMemberId,
                                             LocalDate priceDate, List<TransferLeg> legs, String instructedBy,
                                             Instant instructedAt) {
    }

    /**
     * One leg of a transfer: {@code quantity} contracts of {@code instrumentId} (positive: the receiving account buys
     * them, so the defaulter's account gives up a long; negative: it sells them, taking over a short) at {@code price}
     * (any scale up to 10 decimals, not bound to the tick grid, zero and negative legal). For PORTING and AUCTION the
     * defaulter's account must hold the contracts (a client omnibus account gives them out of its long or short
     * bucket); a HEDGE leg is a new trade the defaulter's account does not need to hold.
     */
    public record TransferLeg(String instrumentId, long quantity, BigDecimal price) {
    }
}
