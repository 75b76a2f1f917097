package io.computeclearing.settlement.run;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One account's cash flow in one instrument for a settlement cycle, exact (no rounding):
 * {@code startOfDay x (S - S_prev) x unit + sum over the cycle's new legs of signedQty x (S - tradePrice) x unit
 * - sum over reversed legs of signedQty x (S_prev - tradePrice) x unit} (docs/methodology.md, anchors
 * variation-margin and cycles). The position at the start of the cycle (the start of the day, plus the day's legs an
 * earlier cycle settled) is revalued from the previous price (yesterday's settlement price, or the previous cycle's)
 * to this one, each new trade from its trade price; a leg an earlier cycle settled that has since been busted or given
 * up gives back what it was paid. Positive is paid to the account. On the last trading day {@code S} is the final
 * settlement price.
 */
public final class PositionCashFlow {

    /** A leg of the day: signed contracts (positive bought) at a trade price. */
    public record DayTrade(long signedQuantity, BigDecimal price) {
    }

    private final String accountId;
    private final String memberId;
    private final String instrumentId;
    private long startOfDay;
    private final List<DayTrade> trades = new ArrayList<>();
    private final List<DayTrade> reversals = new ArrayList<>();

    public PositionCashFlow(String accountId, String memberId, String instrumentId) {
        this.accountId = accountId;
        this.memberId = memberId;
        this.instrumentId = instrumentId;
    }

    public void addPrior(long signedQuantity) {
        startOfDay += signedQuantity;
    }

    public void addTrade(long signedQuantity, BigDecimal price) {
        trades.add(new DayTrade(signedQuantity, price));
    }

    /** A leg an earlier cycle settled, busted or given up since: what it was paid comes back. */
    public void addReversal(long signedQuantity, BigDecimal price) {
        reversals.add(new DayTrade(signedQuantity, price));
    }

    /** Whether the previous price is needed: a position to revalue or a leg to reverse. */
    public boolean needsPreviousPrice() {
        return startOfDay != 0 || !reversals.isEmpty();
    }

    public String accountId() {
        return accountId;
    }

    public String memberId() {
        return memberId;
    }

    public String instrumentId() {
        return instrumentId;
    }

    public long startOfDay() {
        return startOfDay;
    }

    public long bought() {
        return trades.stream().mapToLong(DayTrade::signedQuantity).filter(q -> q > 0).sum();
    }

    public long sold() {
        return -trades.stream().mapToLong(DayTrade::signedQuantity).filter(q -> q < 0).sum();
    }

    public long endOfDay() {
        return startOfDay + bought() - sold();
    }

    /** Nothing to settle: no position at the start of the cycle, no trade and no reversal during it. */
    public boolean isEmpty() {
        return startOfDay == 0 && trades.isEmpty() && reversals.isEmpty();
    }

    /**
     * The exact amount; {@code previousPrice} is only read when {@link #needsPreviousPrice()}.
     */
    public BigDecimal amount(BigDecimal previousPrice, BigDecimal settlementPrice, BigDecimal contractUnit) {
        BigDecimal amount = BigDecimal.ZERO;
        if (startOfDay != 0) {
            amount = BigDecimal.valueOf(startOfDay).multiply(settlementPrice.subtract(previousPrice));
        }
        for (DayTrade trade : trades) {
            amount = amount.add(BigDecimal.valueOf(trade.signedQuantity()).multiply(settlementPrice.subtract(trade.price())));
        }
        for (DayTrade reversed : reversals) {
            amount = amount.subtract(BigDecimal.valueOf(reversed.signedQuantity())
                    .multiply(previousPrice.subtract(reversed.price())));
        }
        return amount.multiply(contractUnit);
    }
}
