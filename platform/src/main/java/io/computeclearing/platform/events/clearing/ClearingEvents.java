package io.computeclearing.platform.events.clearing;

import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.events.Topics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Events published by clearing-service. Trades go to {@link Topics#CLEARING_TRADES} and positions to
 * {@link Topics#CLEARING_POSITIONS}, all keyed by account id, so one account's trades and positions each stay in order.
 */
public final class ClearingEvents {

    public static final EventType<TradeCleared> TRADE_CLEARED =
            EventType.of(Topics.CLEARING_TRADES, "account", "TradeCleared", 1, TradeCleared.class);
    public static final EventType<TradeBusted> TRADE_BUSTED =
            EventType.of(Topics.CLEARING_TRADES, "account", "TradeBusted", 1, TradeBusted.class);
    public static final EventType<GiveUpAccepted> GIVE_UP_ACCEPTED =
            EventType.of(Topics.CLEARING_TRADES, "account", "GiveUpAccepted", 1, GiveUpAccepted.class);
    public static final EventType<PositionsTransferred> POSITIONS_TRANSFERRED =
            EventType.of(Topics.CLEARING_TRADES, "account", "PositionsTransferred", 1, PositionsTransferred.class);
    public static final EventType<PositionTransferRefused> POSITION_TRANSFER_REFUSED =
            EventType.of(Topics.CLEARING_TRADES, "account", "PositionTransferRefused", 1,
                    PositionTransferRefused.class);
    public static final EventType<PositionChanged> POSITION_CHANGED =
            EventType.of(Topics.CLEARING_POSITIONS, "account", "PositionChanged", 1, PositionChanged.class);

    public static final EventType<InstrumentListed> INSTRUMENT_LISTED =
            EventType.of(Topics.CLEARING_INSTRUMENTS, "instrument", "InstrumentListed", 1, InstrumentListed.class);
    public static final EventType<InstrumentStatusChanged> INSTRUMENT_STATUS_CHANGED =
            EventType.of(Topics.CLEARING_INSTRUMENTS, "instrument", "InstrumentStatusChanged", 1,
                    InstrumentStatusChanged.class);
    public static final EventType<BusinessDayClosed> BUSINESS_DAY_CLOSED =
            EventType.of(Topics.CLEARING_DAYS, "business-day", "BusinessDayClosed", 1, BusinessDayClosed.class);

    private ClearingEvents() {
    }

    /**
     * One leg of a novated trade: the CCP became the counterparty of {@code accountId}. A trade clears as two legs,
     * {@code BUY} for the buyer's account and {@code SELL} for the seller's, each published on its own account's key.
     * {@code quantity} is positive (contracts; the side gives the direction); {@code price} is in {@code currency} per
     * unit of the underlying, at the instrument's tick scale (a default-management transfer trade, exchange trade id
     * {@code DM:<transferId>/<leg>}, is booked at the price instructed, up to 10 decimals), and may be zero or negative; one contract is
     * {@code contractUnit} units, so the trade's notional is {@code price x quantity x contractUnit}.
     */
    public record TradeCleared(long tradeId, long legId, String exchangeTradeId, String instrumentId, String side,
                               long quantity, BigDecimal price, String currency, BigDecimal contractUnit,
                               Instant tradeTime, LocalDate businessDate, String accountId, String memberId) {
    }

    /**
     * A cleared leg was cancelled by the back office: its effect on the account's position is reversed exactly.
     * The fields repeat the leg as it was cleared ({@code side}, {@code quantity}, {@code price},
     * {@code businessDate} of the trade); {@code bustBusinessDate} is the business date the bust belongs to.
     */
    public record TradeBusted(long tradeId, long legId, String exchangeTradeId, String instrumentId, String side,
                              long quantity, BigDecimal price, String currency, BigDecimal contractUnit,
                              LocalDate businessDate, LocalDate bustBusinessDate, String accountId, String memberId,
                              String reason, Instant bustedAt) {
    }

    /**
     * A leg of a cleared trade moved from one member's account to another's, which accepted it (a give-up): the
     * giving account no longer holds {@code quantity} contracts on {@code side}, the receiving account does, at the
     * trade's {@code price}. Published twice, once keyed by each of the two accounts ({@code accountId} says which).
     * {@code fromLegId} is the leg taken back, {@code toLegId} the receiving account's new leg.
     */
    public record GiveUpAccepted(long giveUpId, long tradeId, long fromLegId, long toLegId, String exchangeTradeId,
                                 String instrumentId, String side, long quantity, BigDecimal price, String currency,
                                 BigDecimal contractUnit, LocalDate businessDate, String fromAccountId,
                                 String fromMemberId, String toAccountId, String toMemberId, String accountId,
                                 Instant acceptedAt) {
    }

    /**
     * An account's position in one instrument after a change (a batch of trades, a bust, a give-up). House and client
     * segregated accounts net, so at most one of {@code longQuantity} and {@code shortQuantity} is non-zero; a client
     * omnibus account keeps both gross. {@code netQuantity = longQuantity - shortQuantity}. {@code version} rises by
     * one with every change of this account and instrument: a consumer keeps the highest and drops older ones.
     */
    public record PositionChanged(String accountId, String memberId, String instrumentId, long longQuantity,
                                  long shortQuantity, long netQuantity, LocalDate businessDate, long version) {
    }

    /**
     * A contract month was listed: what settlement and margin need to know of it. {@code contractMonth} is
     * {@code YYYY-MM}; prices are in {@code currency} per unit of the underlying on a grid of {@code tickSize}; one
     * contract is {@code contractUnit} units. The final settlement price comes from index {@code underlyingIndexId} by
     * {@code finalSettlementRule}: {@code SINGLE_FIXING} (the index value of the last trading day) or
     * {@code AVERAGE_OVER_MONTH} (the mean of the daily index values over the contract month). {@code status}:
     * {@code ACTIVE}, {@code EXPIRING} or {@code EXPIRED}.
     */
    public record InstrumentListed(String instrumentId, String family, String contractMonth, LocalDate lastTradingDay,
                                   String currency, BigDecimal tickSize, BigDecimal contractUnit,
                                   String underlyingIndexId, String finalSettlementRule, String status,
                                   Instant listedAt) {
    }

    /**
     * An instrument's status changed: {@code ACTIVE}, {@code EXPIRING} (in its last trading days), {@code EXPIRED}
     * (no more trades) or {@code SETTLED} (final settlement done: every position in it was closed at the final
     * settlement price).
     */
    public record InstrumentStatusChanged(String instrumentId, String status, String reason, Instant changedAt) {
    }

    /**
     * A business date was closed: no trade, bust or give-up can belong to it any more. The counts are the trade
     * events that belong to the date, so a consumer can tell it has seen all of them before it settles the day:
     * {@code tradeLegsCleared} {@link TradeCleared} events with this {@code businessDate}, {@code tradeLegsBusted}
     * {@link TradeBusted} events with this {@code bustBusinessDate}, {@code giveUpsAccepted} give-ups (each published
     * as two {@link GiveUpAccepted} events) with this {@code businessDate}.
     */
    public record BusinessDayClosed(LocalDate businessDate, long tradeLegsCleared, long tradeLegsBusted,
                                    long giveUpsAccepted, Instant closedAt) {
    }

    /**
     * A default-management transfer (risk-service's {@code PositionTransferInstructed} {@code transferId}) was booked:
     * one transfer trade per leg on {@code businessDate}, each also published as two {@link TradeCleared} legs (the
     * defaulter's account gives, the receiving account takes, at the leg's price), so variation margin from that
     * date on is each account's. {@code purpose} PORTING, AUCTION or HEDGE; for PORTING account-service moves the
     * account's collateral. Published twice, once keyed by each account ({@code accountId} says which).
     */
    public record PositionsTransferred(String transferId, long defaultId, String purpose, String fromAccountId,
                                       String fromMemberId, String toAccountId, String toMemberId,
                                       LocalDate businessDate, List<TransferredLeg> legs, String accountId,
                                       Instant transferredAt) {
    }

    /**
     * A leg of a booked transfer: the trade it made and its two legs' ids; {@code quantity} as instructed (positive:
     * the receiving account bought).
     */
    public record TransferredLeg(long tradeId, long fromLegId, long toLegId, String instrumentId, long quantity,
                                 BigDecimal price, String currency, BigDecimal contractUnit) {
    }

    /**
     * A default-management transfer could not be booked and nothing moved: {@code reason} names the rule
     * (NOT_DEFAULTED, RECEIVER_CLOSED, SAME_MEMBER, UNKNOWN_ACCOUNT, UNKNOWN_INSTRUMENT, INSTRUMENT_EXPIRED,
     * NOT_HELD, NO_OPEN_DAY, PRICES_STALE), {@code detail} says what was found. Key: {@code fromAccountId}.
     */
    public record PositionTransferRefused(String transferId, long defaultId, String purpose, String fromAccountId,
                                          String toAccountId, String reason, String detail, Instant refusedAt) {
    }
}
