package io.computeclearing.risk.backtest;

/**
 * Kupiec's proportion-of-failures test (1995): is the observed share of exceedances {@code x / T} consistent with the
 * expected {@code p = 1 - confidence}? The likelihood ratio of the binomial likelihoods at {@code p} and at the
 * observed share,
 * <pre>
 *   LR = -2 ln[ (1-p)^(T-x) p^x ] + 2 ln[ (1-x/T)^(T-x) (x/T)^x ]
 *      =  2 [ (T-x) ln((1 - x/T) / (1-p)) + x ln((x/T) / p) ]      (a term with a zero factor is zero: 0 ln 0 = 0)
 * </pre>
 * is asymptotically chi-square with one degree of freedom when the margin is right, so the p-value is
 * {@code P(chi2_1 > LR) = erfc(sqrt(LR / 2))}. A small p-value (below 5 %, say) says the count is unlikely under a
 * correct margin, too many exceedances or too few.
 *
 * @param exceedances     {@code x}, days the loss exceeded the margin
 * @param observations    {@code T}, days observed
 * @param confidence      the margin's coverage, {@code 1 - p}
 * @param likelihoodRatio {@code LR}, zero or more; zero with no observation
 * @param pValue          {@code P(chi2_1 > LR)}, one with no observation
 */
public record KupiecTest(int exceedances, int observations, double confidence, double likelihoodRatio,
                         double pValue) {

    public KupiecTest {
        Coverage.check(exceedances, observations, confidence);
    }

    /** The test for {@code exceedances} out of {@code observations} at {@code confidence}. */
    public static KupiecTest of(int exceedances, int observations, double confidence) {
        Coverage.check(exceedances, observations, confidence);
        double lr = likelihoodRatio(exceedances, observations, confidence);
        return new KupiecTest(exceedances, observations, confidence, lr, upperTailChiSquare1(lr));
    }

    /** Whether the test rejects a correct margin at {@code significance} (e.g. 0.05). */
    public boolean rejectsAt(double significance) {
        return pValue < significance;
    }

    static double likelihoodRatio(int x, int t, double confidence) {
        if (t == 0) {
            return 0.0;
        }
        double observed = (double) x / t;
        double lnOneMinusP = Math.log(confidence);
        double lnP = Math.log1p(-confidence);
        double covered = t - x == 0 ? 0.0 : (t - x) * (Math.log1p(-observed) - lnOneMinusP);
        double exceeded = x == 0 ? 0.0 : x * (Math.log(observed) - lnP);
        return Math.max(0.0, 2.0 * (covered + exceeded)); // a count at exactly T x p may round a hair below zero
    }

    /** {@code P(X > q)} for a chi-square with one degree of freedom: {@code X = Z^2}, so {@code 2 P(Z > sqrt(q))}. */
    static double upperTailChiSquare1(double q) {
        return ErrorFunction.erfc(Math.sqrt(q / 2.0));
    }
}
