package io.computeclearing.settlement.run;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One account's cash flow in one instrument for a business date, exact (no rounding):
 * {@code startOfDay x (S - S_prev) x unit + sum over the day's legs of signedQty x (S - tradePrice) x unit}
 * (docs/methodology.md, anchor variation-margin). The start-of-day position is revalued from yesterday's settlement price to today's,
 * and each of today's trades from its trade price to today's settlement price. Positive is paid to the account. On
 * the last trading day {@code S} is the final settlement price.
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

    /** Nothing to settle: no position at the start of the day and no trade during it. */
    public boolean isEmpty() {
        return startOfDay == 0 && trades.isEmpty();
    }

    /**
     * The exact amount; {@code previousPrice} is only read when there is a start-of-day position.
     */
    public BigDecimal amount(BigDecimal previousPrice, BigDecimal settlementPrice, BigDecimal contractUnit) {
        BigDecimal amount = BigDecimal.ZERO;
        if (startOfDay != 0) {
            amount = BigDecimal.valueOf(startOfDay).multiply(settlementPrice.subtract(previousPrice));
        }
        for (DayTrade trade : trades) {
            amount = amount.add(BigDecimal.valueOf(trade.signedQuantity()).multiply(settlementPrice.subtract(trade.price())));
        }
        return amount.multiply(contractUnit);
    }
}
