package io.computeclearing.clearing.trade;

import io.computeclearing.clearing.catalogue.ContractFamily;
import io.computeclearing.clearing.catalogue.Instrument;
import io.computeclearing.platform.accounts.KnownAccount;
import io.computeclearing.platform.problem.Problem.Violation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules a reported trade must meet to be cleared. Every rule is checked and every failure reported, each under
 * the field it concerns, so the exchange fixes everything in one round.
 */
public final class TradeRules {

    /** Longest exchange trade id kept. */
    public static final int MAX_EXCHANGE_TRADE_ID_LENGTH = 64;
    /** Largest quantity in one trade; keeps position arithmetic far from the limits of a long. */
    public static final long MAX_QUANTITY = 1_000_000_000L;
    /** Prices are stored with 14 integer digits; anything near that is a typing error, not a price. */
    public static final BigDecimal MAX_ABS_PRICE = new BigDecimal("1000000000000");

    private TradeRules() {
    }

    public static List<Violation> check(TradeSubmission trade, CaptureContext context) {
        List<Violation> violations = new ArrayList<>();
        if (trade.exchangeTradeId() == null || trade.exchangeTradeId().isBlank()) {
            violations.add(new Violation("exchangeTradeId", "is required"));
        } else if (trade.exchangeTradeId().length() > MAX_EXCHANGE_TRADE_ID_LENGTH) {
            violations.add(new Violation("exchangeTradeId", "must be at most " + MAX_EXCHANGE_TRADE_ID_LENGTH
                    + " characters"));
        } else if (trade.exchangeTradeId().startsWith(Trade.TRANSFER_TRADE_ID_PREFIX)) {
            violations.add(new Violation("exchangeTradeId", "must not start with '" + Trade.TRANSFER_TRADE_ID_PREFIX
                    + "': reserved for the CCP's default-management transfer trades"));
        }
        Instrument instrument = checkInstrument(trade, context, violations);
        checkQuantity(trade.quantity(), violations);
        checkPrice(trade.price(), instrument == null ? null : instrument.family, violations);
        checkAccount("buyerAccountId", trade.buyerAccountId(), context, violations);
        checkAccount("sellerAccountId", trade.sellerAccountId(), context, violations);
        if (trade.buyerAccountId() != null && trade.buyerAccountId().equals(trade.sellerAccountId())) {
            violations.add(new Violation("sellerAccountId", "must differ from buyerAccountId: a trade needs two accounts"));
        }
        if (trade.tradeTime() == null) {
            violations.add(new Violation("tradeTime", "is required"));
        }
        if (trade.businessDate() == null) {
            violations.add(new Violation("businessDate", "is required"));
        } else if (!context.openDays().contains(trade.businessDate())) {
            violations.add(new Violation("businessDate", "business day " + trade.businessDate() + " is not open"));
        }
        return violations;
    }

    /**
     * The instrument if it exists; it must still trade on the trade's business date (active, or expiring that day)
     * and must not be finally settled.
     */
    private static Instrument checkInstrument(TradeSubmission trade, CaptureContext context, List<Violation> violations) {
        if (trade.instrumentId() == null || trade.instrumentId().isBlank()) {
            violations.add(new Violation("instrumentId", "is required"));
            return null;
        }
        Instrument instrument = context.instruments().get(trade.instrumentId());
        if (instrument == null) {
            violations.add(new Violation("instrumentId", "instrument '" + trade.instrumentId() + "' is not listed"));
            return null;
        }
        if (instrument.settled()) {
            violations.add(new Violation("instrumentId", "instrument '" + instrument.id + "' was finally settled: "
                    + "its positions are closed and it takes no more trades"));
            return instrument;
        }
        Instrument.Status status = trade.businessDate() == null ? instrument.status
                : instrument.statusOn(trade.businessDate());
        if (status == Instrument.Status.EXPIRED) {
            violations.add(new Violation("instrumentId", "instrument '" + instrument.id + "' expired after its last "
                    + "trading day " + instrument.lastTradingDay));
        }
        return instrument;
    }

    private static void checkQuantity(Long quantity, List<Violation> violations) {
        if (quantity == null) {
            violations.add(new Violation("quantity", "is required"));
        } else if (quantity <= 0) {
            violations.add(new Violation("quantity", "must be a positive number of contracts"));
        } else if (quantity > MAX_QUANTITY) {
            violations.add(new Violation("quantity", "must be at most " + MAX_QUANTITY + " contracts"));
        }
    }

    /** Zero and negative prices are legal; the price must lie on the family's tick grid. */
    private static void checkPrice(BigDecimal price, ContractFamily family, List<Violation> violations) {
        if (price == null) {
            violations.add(new Violation("price", "is required"));
        } else if (price.abs().compareTo(MAX_ABS_PRICE) >= 0) {
            violations.add(new Violation("price", "must be less than " + MAX_ABS_PRICE.toPlainString()
                    + " in absolute value"));
        } else if (family != null && !family.onTickGrid(price)) {
            violations.add(new Violation("price", "price " + price.toPlainString() + " is not on the tick grid of "
                    + family.symbol + " (tick " + family.tickSize.stripTrailingZeros().toPlainString() + ")"));
        }
    }

    private static void checkAccount(String field, String accountId, CaptureContext context, List<Violation> violations) {
        if (accountId == null || accountId.isBlank()) {
            violations.add(new Violation(field, "is required"));
            return;
        }
        KnownAccount account = context.accounts().get(accountId);
        if (account == null) {
            violations.add(new Violation(field, "account '" + accountId + "' is not known"));
        } else if (!account.acceptsBusiness()) {
            violations.add(new Violation(field, "account '" + accountId + "' does not accept business ("
                    + account.closedBecause() + ")"));
        }
    }
}
