package io.computeclearing.risk.backtest;

/**
 * The error function and its complement in {@code double}, to a few units in the last place: Kupiec's p-value is the
 * upper tail of a chi-square with one degree of freedom, {@code P(X > q) = erfc(sqrt(q / 2))}, and the JDK has none.
 * <p>
 * Below 1 the Maclaurin series of {@code erf} ({@code 2/sqrt(pi) sum (-1)^n x^(2n+1) / (n! (2n+1))}), whose terms
 * shrink fast there, and {@code erfc = 1 - erf}, which loses nothing while {@code erfc > 0.15}. From 1 on Laplace's
 * continued fraction {@code erfc(x) = exp(-x^2) / sqrt(pi) x 1 / (x + (1/2) / (x + 1 / (x + (3/2) / (x + ...))))},
 * evaluated by the modified Lentz method; it keeps the relative accuracy of tiny tails, where {@code 1 - erf} would
 * cancel to nothing. {@code exp(-x^2)} is taken in two factors so the rounding of {@code x^2} does not spoil it.
 * Against 40-digit values from 0.01 to 26 the relative error stays below 3e-15 (the tests check 1e-14).
 */
public final class ErrorFunction {

    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;
    private static final double ONE_OVER_SQRT_PI = 0.5641895835477563;
    private static final double SERIES_LIMIT = 1.0;
    private static final int MAX_TERMS = 10_000;

    private ErrorFunction() {
    }

    /** {@code erfc(x) = 1 - erf(x)}; NaN for NaN, 2 at minus infinity, 0 at plus infinity. */
    public static double erfc(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x < 0) {
            return 2.0 - erfc(-x);
        }
        if (x < SERIES_LIMIT) {
            return 1.0 - series(x);
        }
        if (x > 27.3) {
            return 0.0; // below the smallest double
        }
        return expMinusSquare(x) * ONE_OVER_SQRT_PI / continuedFraction(x);
    }

    /** {@code erf(x)}; NaN for NaN, -1 and 1 at the infinities. */
    public static double erf(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (Math.abs(x) < SERIES_LIMIT) {
            return series(x);
        }
        return x > 0 ? 1.0 - erfc(x) : erfc(-x) - 1.0;
    }

    private static double series(double x) {
        double square = x * x;
        double term = x;
        double sum = x;
        for (int n = 1; n < MAX_TERMS; n++) {
            term *= -square / n;
            double next = term / (2 * n + 1);
            sum += next;
            if (Math.abs(next) <= 1e-17 * Math.abs(sum)) {
                break;
            }
        }
        return TWO_OVER_SQRT_PI * sum;
    }

    /** {@code x + (1/2) / (x + (2/2) / (x + (3/2) / ...))} for {@code x >= 1}. */
    private static double continuedFraction(double x) {
        double tiny = 1e-300;
        double f = x;
        double c = f;
        double d = 0.0;
        for (int j = 1; j < MAX_TERMS; j++) {
            double a = j / 2.0;
            d = x + a * d;
            d = d == 0.0 ? tiny : d;
            d = 1.0 / d;
            c = x + a / c;
            c = c == 0.0 ? tiny : c;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1.0) < 1e-16) {
                return f;
            }
        }
        throw new ArithmeticException("erfc continued fraction did not converge at " + x);
    }

    /** {@code exp(-x^2)} as {@code exp(-h^2) x exp(-(x - h)(x + h))}, h = x truncated to sixteenths (h^2 is exact). */
    private static double expMinusSquare(double x) {
        double h = Math.floor(x * 16.0) / 16.0;
        return Math.exp(-h * h) * Math.exp(-(x - h) * (x + h));
    }
}
