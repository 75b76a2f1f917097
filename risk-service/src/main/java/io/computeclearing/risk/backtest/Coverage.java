package io.computeclearing.risk.backtest;

/**
 * The checks every backtesting statistic shares: a count of exceedances out of a number of observations, against a
 * margin meant to cover a given share of outcomes ({@code 0.99}: one day in a hundred may exceed).
 */
final class Coverage {

    private Coverage() {
    }

    static void check(int exceedances, int observations, double confidence) {
        if (observations < 0) {
            throw new IllegalArgumentException("observations cannot be negative: " + observations);
        }
        if (exceedances < 0 || exceedances > observations) {
            throw new IllegalArgumentException("exceedances must lie between 0 and the " + observations
                    + " observations: " + exceedances);
        }
        if (!(confidence > 0.0 && confidence < 1.0)) {
            throw new IllegalArgumentException("the confidence level must lie strictly between 0 and 1: "
                    + confidence);
        }
    }
}
