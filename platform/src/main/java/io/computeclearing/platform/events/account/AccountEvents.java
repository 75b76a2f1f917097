package io.computeclearing.platform.events.account;

import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.events.Topics;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Events published by account-service on {@link Topics#ACCOUNTS}. Member events are keyed by member id, account and
 * collateral events by account id.
 */
public final class AccountEvents {

    public static final EventType<MemberRegistered> MEMBER_REGISTERED =
            EventType.of(Topics.ACCOUNTS, "member", "MemberRegistered", 1, MemberRegistered.class);
    public static final EventType<MemberStatusChanged> MEMBER_STATUS_CHANGED =
            EventType.of(Topics.ACCOUNTS, "member", "MemberStatusChanged", 1, MemberStatusChanged.class);
    public static final EventType<AccountOpened> ACCOUNT_OPENED =
            EventType.of(Topics.ACCOUNTS, "account", "AccountOpened", 1, AccountOpened.class);
    public static final EventType<AccountStatusChanged> ACCOUNT_STATUS_CHANGED =
            EventType.of(Topics.ACCOUNTS, "account", "AccountStatusChanged", 1, AccountStatusChanged.class);
    public static final EventType<CollateralMovementRecorded> COLLATERAL_MOVEMENT_RECORDED =
            EventType.of(Topics.ACCOUNTS, "account", "CollateralMovementRecorded", 1, CollateralMovementRecorded.class);

    private AccountEvents() {
    }

    /** A clearing member was admitted. {@code membershipType}: GENERAL_CLEARING_MEMBER or DIRECT_CLEARING_MEMBER. */
    public record MemberRegistered(String memberId, String legalName, String lei, String membershipType, String status) {
    }

    /** A member was suspended or reinstated. {@code status}: ACTIVE or SUSPENDED. */
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
     * A journal entry moved collateral in or out of an account. {@code movement}: DEPOSIT or WITHDRAWAL;
     * {@code asset}: a currency code for cash or a security id; {@code quantity} is positive, in currency units for
     * cash and nominal for securities.
     */
    public record CollateralMovementRecorded(String entryId, String accountId, String memberId, String movement,
                                             String asset, BigDecimal quantity, Instant recordedAt) {
    }
}
