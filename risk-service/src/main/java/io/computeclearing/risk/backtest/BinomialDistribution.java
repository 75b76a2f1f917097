package io.computeclearing.risk.backtest;

/**
 * The number of exceedances in {@code n} independent days, each exceeding with probability {@code p}, when the margin
 * is right. The probabilities are built in logarithms ({@code ln P(k+1) = ln P(k) + ln((n-k)/(k+1)) + ln(p/(1-p))})
 * so a long window, whose {@code (1-p)^n} underflows a double, still sums correctly.
 */
final class BinomialDistribution {

    private BinomialDistribution() {
    }

    /** {@code P(X <= k)} for {@code X ~ Binomial(n, p)}, {@code 0 < p < 1}. */
    static double cumulative(int k, int n, double p) {
        if (k < 0) {
            return 0.0;
        }
        if (k >= n) {
            return 1.0;
        }
        double logOdds = Math.log(p) - Math.log1p(-p);
        double logProbability = n * Math.log1p(-p);
        double sum = Math.exp(logProbability);
        for (int i = 0; i < k; i++) {
            logProbability += Math.log((double) (n - i) / (i + 1)) + logOdds;
            sum += Math.exp(logProbability);
        }
        return Math.min(1.0, sum);
    }
}
