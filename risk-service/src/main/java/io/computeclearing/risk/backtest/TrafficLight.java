package io.computeclearing.risk.backtest;

/**
 * The Basel traffic light for a count of exceedances. Over 250 days at 99 % it is the familiar 0-4 green, 5-9
 * yellow, 10 and more red.
 * <p>
 * Those bounds come from the binomial distribution of the count when the margin is right: a count is yellow once the
 * probability of seeing that many or fewer reaches 95 %, red once it reaches 99.99 % (over 250 days at 99 %:
 * {@code P(X <= 4) = 89.2 %}, {@code P(X <= 5) = 95.9 %}, {@code P(X <= 9) = 99.975 %},
 * {@code P(X <= 10) = 99.995 %}). The same rule gives the bounds for any other window or confidence, for instance a
 * window still filling up after go-live. No exceedance at all is always green: it is no evidence against the margin,
 * even over so few days that the rule alone would say yellow.
 */
public enum TrafficLight {
    GREEN, YELLOW, RED;

    static final double YELLOW_FROM = 0.95;
    static final double RED_FROM = 0.9999;

    /** The light for {@code exceedances} out of {@code observations} days at the margin's confidence level. */
    public static TrafficLight of(int exceedances, int observations, double confidence) {
        Coverage.check(exceedances, observations, confidence);
        if (exceedances == 0) {
            return GREEN;
        }
        double atMost = BinomialDistribution.cumulative(exceedances, observations, 1.0 - confidence);
        if (atMost >= RED_FROM) {
            return RED;
        }
        return atMost >= YELLOW_FROM ? YELLOW : GREEN;
    }

    /** The light at 99 %, the margin's coverage for exchange-traded futures. */
    public static TrafficLight of(int exceedances, int observations) {
        return of(exceedances, observations, 0.99);
    }
}
