package io.computeclearing.risk.backtesting;

import io.computeclearing.risk.backtest.BacktestResult;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/** What the backtesting API answers. Amounts in USD; margin and profit and loss exact as stored. */
public final class BacktestViews {

    private BacktestViews() {
    }

    /**
     * One backtest over the rolling window: {@code scope} CCP, FAMILY or ACCOUNT; every account-day in the window is
     * one observation (one a day for an account). {@code largestExcess}: by how much the worst exceedance's loss
     * exceeded its margin, cents half up.
     */
    public record BacktestLine(String scope, String family, String accountId, int holdingDays, String currency,
                               LocalDate firstDate, LocalDate lastDate, int observations, int exceedances,
                               double expectedExceedances, double coverage, double kupiecLikelihoodRatio,
                               double kupiecPValue, String light, BigDecimal largestExcess,
                               List<LocalDate> exceedanceDates) {

        static BacktestLine of(String scope, String family, String accountId, int holdingDays, BacktestResult r) {
            return new BacktestLine(scope, family, accountId, holdingDays, r.currency().getCurrencyCode(),
                    r.firstDate().orElse(null), r.lastDate().orElse(null), r.observations(), r.exceedances(),
                    r.expectedExceedances(), r.coverage(), r.kupiec().likelihoodRatio(), r.kupiec().pValue(),
                    r.light().name(), r.largestExcess().setScale(2, RoundingMode.HALF_UP), r.exceedanceDates());
        }
    }

    /** The report: the whole CCP and every product family, per holding period, over the latest {@code window} days. */
    public record BacktestReport(int window, double confidence, List<BacktestLine> ccp, List<BacktestLine> families) {
    }

    /** One day of an account: the margin held at {@code baseDate} against the profit and loss since, per family too. */
    public record ObservationView(LocalDate businessDate, int holdingDays, LocalDate baseDate, BigDecimal initialMargin,
                                  BigDecimal profitAndLoss, boolean exceedance, List<FamilyPart> families) {
    }

    /**
     * A family's part of an account's observation: the profit and loss exact in the family's currency and in USD, and
     * the margin attributed to the family (pro rata to the value held at the start).
     */
    public record FamilyPart(String family, String currency, BigDecimal profitAndLoss, BigDecimal profitAndLossUsd,
                             BigDecimal initialMargin, boolean exceedance) {
    }

    /** An account's backtest per holding period and its observations in the window, newest first. */
    public record AccountBacktest(String accountId, String memberId, List<BacktestLine> results,
                                  List<ObservationView> observations) {
    }
}
