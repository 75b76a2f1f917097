package io.computeclearing.margin.proposal;

import io.computeclearing.margin.backtesting.FamilyBacktestLight;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Risk parameters estimated from the history of the index behind a family, each beside the parameter in force.
 *
 * @param family            the product family
 * @param version           the version of its parameters in force
 * @param indexId           the index behind the family (from its listed instruments)
 * @param from              the first index value date used
 * @param to                the last (latest) index value date used
 * @param observations      the number of index values used (window + 1)
 * @param latestIndexValue  the index value on {@code to}
 * @param dailyVolatility   sigma of the daily changes, 8 decimals (rounded HALF_UP, shown only)
 * @param method            how sigma was measured
 * @param confidence        the confidence level
 * @param z                 its standard normal quantile
 * @param holdingPeriodDays the margin period of risk
 * @param tolerance         relative difference beyond which a parameter is flagged
 * @param parameters        one line per parameter
 * @param backtesting       the family's margin backtest lights, one per holding period risk-service reported;
 *                          empty before its first report
 */
public record ParameterProposal(String family, int version, String indexId, LocalDate from, LocalDate to,
                                int observations, BigDecimal latestIndexValue, BigDecimal dailyVolatility,
                                String method, BigDecimal confidence, BigDecimal z, int holdingPeriodDays,
                                BigDecimal tolerance, List<Line> parameters, List<BacktestLight> backtesting) {

    /**
     * One parameter: the value in force, the proposal, {@code difference = inForce - proposed} (negative: the
     * parameter in force is below the market's) and {@code lagsMarket} when {@code |difference| > tolerance x
     * |proposed|}. {@code inForce} and {@code difference} are absent for a parameter the family does not have yet.
     */
    public record Line(String parameter, BigDecimal inForce, BigDecimal proposed, BigDecimal difference,
                       boolean lagsMarket, String formula) {
    }

    /**
     * The family's margin backtest over {@code holdingDays} as risk-service last reported it: the traffic light
     * it turned on {@code businessDate} from {@code previousLight}, with that day's {@code exceedances} (losses larger
     * than the margin held) among {@code observations} account-days of the rolling 250-day window. GREEN, YELLOW and
     * RED are the binomial zones at 99% (0-4, 5-9 and 10 or more exceedances over 250 observations): yellow or red
     * says the margin has fallen short more often than a correct margin would. The light holds until risk-service
     * reports a change.
     */
    public record BacktestLight(int holdingDays, String light, String previousLight, int exceedances,
                                int observations, LocalDate businessDate) {

        static BacktestLight of(FamilyBacktestLight held) {
            return new BacktestLight(held.holdingDays, held.light, held.previousLight, held.exceedances,
                    held.observations, held.businessDate);
        }
    }
}
