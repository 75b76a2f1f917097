package io.computeclearing.risk;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.events.account.AccountEvents.ContributionCallEscalated;
import io.computeclearing.platform.events.account.AccountEvents.FxRateRecorded;
import io.computeclearing.platform.events.account.AccountEvents.MarginCallEscalated;
import io.computeclearing.platform.events.account.AccountEvents.AccountOpened;
import io.computeclearing.platform.events.account.AccountEvents.MemberRegistered;
import io.computeclearing.platform.events.account.AccountEvents.MemberStatusChanged;
import io.computeclearing.platform.events.clearing.ClearingEvents;
import io.computeclearing.platform.events.clearing.ClearingEvents.InstrumentListed;
import io.computeclearing.platform.events.clearing.ClearingEvents.PositionChanged;
import io.computeclearing.platform.events.clearing.ClearingEvents.PositionTransferRefused;
import io.computeclearing.platform.events.clearing.ClearingEvents.PositionsTransferred;
import io.computeclearing.platform.events.margin.MarginEvents;
import io.computeclearing.platform.events.margin.MarginEvents.CurrencyRequirement;
import io.computeclearing.platform.events.margin.MarginEvents.MarginRequirementCalculated;
import io.computeclearing.platform.events.settlement.SettlementEvents;
import io.computeclearing.platform.events.settlement.SettlementEvents.EndOfDayRunCompleted;
import io.computeclearing.platform.events.settlement.SettlementEvents.RunPrice;
import io.computeclearing.platform.events.settlement.SettlementEvents.FinalSettlementCompleted;
import io.computeclearing.platform.events.settlement.SettlementEvents.SettlementPricePublished;
import io.computeclearing.testsupport.TopicProbe;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Events as the other services publish them, into the in-process Kafka: risk-service builds its view of the market
 * from these only. Tests share one application and database: each uses ids, families and dates of its own.
 */
public final class RiskFeed {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000));

    private RiskFeed() {
    }

    /** A fresh upper-case id: prefix and a number, at most 20 characters. */
    public static String unique(String prefix) {
        return prefix + SEQUENCE.incrementAndGet();
    }

    public static void member(String memberId, String parentMemberId) {
        publish(AccountEvents.MEMBER_REGISTERED, memberId, "account-service", new MemberRegistered(memberId,
                memberId + " Ltd", null, "GENERAL_CLEARING_MEMBER", "ACTIVE", parentMemberId));
    }

    /** An account opened ({@code type}: HOUSE, CLIENT_SEGREGATED or CLIENT_OMNIBUS), as the account directory hears it. */
    public static void account(String accountId, String memberId, String type) {
        publish(AccountEvents.ACCOUNT_OPENED, accountId, "account-service",
                new AccountOpened(accountId, memberId, type, "USD", "ACTIVE"));
    }

    /** A member's new status (ACTIVE, SUSPENDED, DEFAULTED). */
    public static void memberStatus(String memberId, String status) {
        publish(AccountEvents.MEMBER_STATUS_CHANGED, memberId, "account-service",
                new MemberStatusChanged(memberId, status, "test"));
    }

    /** Clearing-service booked a transfer on {@code date} (the copy keyed by the defaulter's account). */
    public static void transferred(String transferId, long defaultId, String purpose, String from, String to,
                                   LocalDate date) {
        publish(ClearingEvents.POSITIONS_TRANSFERRED, from, "clearing-service", new PositionsTransferred(transferId,
                defaultId, purpose, from, from.split("-")[0], to, to.split("-")[0], date, List.of(), from,
                Instant.now()));
    }

    /** Clearing-service refused a transfer. */
    public static void transferRefused(String transferId, long defaultId, String purpose, String from, String to,
                                       String reason) {
        publish(ClearingEvents.POSITION_TRANSFER_REFUSED, from, "clearing-service", new PositionTransferRefused(
                transferId, defaultId, purpose, from, to, reason, "as the test says", Instant.now()));
    }

    /** Account-service applied a default's waterfall: a loss all borne by the defaulter's collateral. */
    public static void waterfallApplied(long defaultId, String memberId, String loss) {
        BigDecimal amount = new BigDecimal(loss);
        BigDecimal zero = new BigDecimal("0.00");
        publish(AccountEvents.DEFAULT_WATERFALL_APPLIED, memberId, "account-service",
                new AccountEvents.DefaultWaterfallApplied(defaultId, memberId, "USD", amount, amount, zero, zero,
                        zero, zero, zero, List.of(), List.of(), List.of("entry-1"), "risk.officer", Instant.now()));
    }

    public static void marginCallEscalated(String callId, String accountId, String memberId, String outstanding) {
        Instant at = Instant.now();
        publish(AccountEvents.MARGIN_CALL_ESCALATED, accountId, "account-service", new MarginCallEscalated(callId,
                accountId, memberId, "USD", new BigDecimal(outstanding), at.minusSeconds(60), at));
    }

    public static void contributionCallEscalated(String callId, String memberId, String outstanding) {
        Instant at = Instant.now();
        publish(AccountEvents.CONTRIBUTION_CALL_ESCALATED, memberId, "account-service",
                new ContributionCallEscalated(callId, memberId, "USD", new BigDecimal(outstanding),
                        at.minusSeconds(60), at));
    }

    public static void usdCny(String rate, LocalDate asOf) {
        Instant at = asOf.atStartOfDay().toInstant(ZoneOffset.UTC);
        publish(AccountEvents.FX_RATE_RECORDED, "USD/CNY", "account-service",
                new FxRateRecorded("USD", "CNY", new BigDecimal(rate), at, at));
    }

    public static void instrument(String instrumentId, String family, String currency, String unit, String indexId) {
        publish(ClearingEvents.INSTRUMENT_LISTED, instrumentId, "clearing-service", new InstrumentListed(instrumentId,
                family, "2031-06", LocalDate.of(2031, 6, 27), currency, new BigDecimal("0.005"), new BigDecimal(unit),
                indexId, "SINGLE_FIXING", "ACTIVE", Instant.now()));
    }

    public static void position(String accountId, String memberId, String instrumentId, long net, LocalDate date,
                                long version) {
        publish(ClearingEvents.POSITION_CHANGED, accountId, "clearing-service", new PositionChanged(accountId,
                memberId, instrumentId, Math.max(net, 0), Math.max(-net, 0), net, date, version));
    }

    public static void price(String instrumentId, LocalDate date, String price, String currency) {
        price(instrumentId, date, price, currency, 1);
    }

    public static void price(String instrumentId, LocalDate date, String price, String currency, int version) {
        publish(SettlementEvents.SETTLEMENT_PRICE_PUBLISHED, instrumentId, "settlement-service",
                new SettlementPricePublished(instrumentId, date, new BigDecimal(price), currency, version,
                        Instant.now()));
    }

    public static void finalSettlement(String instrumentId, LocalDate date, String price, String currency) {
        publish(SettlementEvents.FINAL_SETTLEMENT_COMPLETED, instrumentId, "settlement-service",
                new FinalSettlementCompleted(instrumentId, date, new BigDecimal(price), currency, 0, Instant.now()));
    }

    public static void initialMargin(String accountId, String currency, String amount) {
        BigDecimal im = new BigDecimal(amount);
        publish(MarginEvents.MARGIN_REQUIREMENT_CALCULATED, accountId, "margin-service",
                new MarginRequirementCalculated(accountId, Instant.now(),
                        List.of(new CurrencyRequirement(currency, im, im)), List.of()));
    }

    /** The end of day of the date, naming the daily prices it settled at ({@code instrument, price} pairs). */
    public static void endOfDayRunCompleted(LocalDate date, String... instrumentPrices) {
        List<RunPrice> prices = new ArrayList<>();
        for (int i = 0; i < instrumentPrices.length; i += 2) {
            prices.add(new RunPrice(instrumentPrices[i], "DAILY", new BigDecimal(instrumentPrices[i + 1])));
        }
        publish(SettlementEvents.END_OF_DAY_RUN_COMPLETED, date.toString(), "settlement-service",
                new EndOfDayRunCompleted(date, 5, 5, prices, Instant.now()));
    }

    private static <P> void publish(EventType<P> type, String key, String source, P payload) {
        TopicProbe.publish(type.topic(), key, EventCodec.encode(EventEnvelope.of(type, key, 1, source, payload)));
    }
}
