package io.computeclearing.risk.backtesting;

import io.computeclearing.risk.backtest.BacktestObservation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * One account's observation for a business date and holding period: the margin it held at the start against what the
 * positions it then held made since, in USD, and the same per product family with the account's margin shared out
 * pro rata to the value held in each family at the start (the last family takes the remainder, so the shares add up
 * exactly; equal shares when nothing had a value).
 */
record AccountObservation(LocalDate businessDate, int holdingDays, LocalDate baseDate, String accountId,
                          String memberId, BigDecimal initialMargin, BigDecimal profitAndLoss,
                          List<FamilyObservation> families) {

    /** Decimals of a USD share of margin before any rounding (as a converted amount). */
    static final int SHARE_SCALE = 10;

    /** One family's part: exact in the family's currency, and in USD at the business date's rates. */
    record FamilyObservation(String family, String currency, BigDecimal profitAndLoss, BigDecimal profitAndLossUsd,
                             BigDecimal initialMargin) {

        boolean exceedance() {
            return new BacktestObservation(LocalDate.EPOCH, initialMargin, profitAndLossUsd).exceedance();
        }
    }

    BacktestObservation observation() {
        return new BacktestObservation(businessDate, initialMargin, profitAndLoss);
    }

    /**
     * The observation of one account's positions ({@code held}, one account's only), its margin in USD and a
     * conversion to USD ({@code toUsd.apply(amount, currency)}).
     */
    static AccountObservation of(LocalDate date, int holdingDays, LocalDate baseDate, List<HeldPosition> held,
                                 BigDecimal initialMargin, BiFunction<BigDecimal, String, BigDecimal> toUsd) {
        Map<String, String> currency = new TreeMap<>();
        Map<String, BigDecimal> pnl = new TreeMap<>();
        Map<String, BigDecimal> value = new TreeMap<>();
        for (HeldPosition p : held) {
            currency.put(p.family(), p.currency());
            pnl.merge(p.family(), p.profitAndLoss(), BigDecimal::add);
            value.merge(p.family(), toUsd.apply(p.valueHeld(), p.currency()), BigDecimal::add);
        }
        BigDecimal totalValue = value.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<FamilyObservation> families = new ArrayList<>();
        BigDecimal accountPnl = BigDecimal.ZERO;
        BigDecimal shared = BigDecimal.ZERO;
        int remaining = pnl.size();
        for (var entry : pnl.entrySet()) {
            String family = entry.getKey();
            BigDecimal share;
            if (--remaining == 0) {
                share = initialMargin.subtract(shared);
            } else if (totalValue.signum() == 0) {
                share = initialMargin.divide(BigDecimal.valueOf(pnl.size()), SHARE_SCALE, RoundingMode.HALF_EVEN);
            } else {
                share = initialMargin.multiply(value.get(family)).divide(totalValue, SHARE_SCALE,
                        RoundingMode.HALF_EVEN);
            }
            shared = shared.add(share);
            BigDecimal usd = toUsd.apply(entry.getValue(), currency.get(family));
            accountPnl = accountPnl.add(usd);
            families.add(new FamilyObservation(family, currency.get(family), entry.getValue(), usd, share));
        }
        HeldPosition first = held.getFirst();
        return new AccountObservation(date, holdingDays, baseDate, first.accountId(), first.memberId(), initialMargin,
                accountPnl, families);
    }
}
