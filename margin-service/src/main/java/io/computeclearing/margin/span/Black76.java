package io.computeclearing.margin.span;

/**
 * Black-76: the price of a European option on a futures contract.
 * <pre>
 *   d1 = (ln(F/K) + sigma^2 T / 2) / (sigma sqrt T),   d2 = d1 - sigma sqrt T
 *   call = e^(-rT) (F N(d1) - K N(d2)),   put = e^(-rT) (K N(-d2) - F N(-d1))
 *   delta(call) = e^(-rT) N(d1),          delta(put) = -e^(-rT) N(-d1)
 * </pre>
 * Model values are {@code double}: they are inputs to risk arrays, which round them to a stated money scale
 * ({@link RiskArray}). The futures price must be positive; at expiry ({@code T = 0}) or zero volatility the price is
 * the discounted intrinsic value.
 */
public final class Black76 {

    private Black76() {
    }

    /** Call or put. */
    public enum OptionType {
        CALL, PUT
    }

    /**
     * The option premium per unit of underlying.
     *
     * @param type        call or put
     * @param futures     futures price F, must be positive
     * @param strike      strike K, must be positive
     * @param years       time to expiry T in years, not negative
     * @param rate        continuously compounded rate r
     * @param volatility  annualised volatility sigma, not negative
     */
    public static double price(OptionType type, double futures, double strike, double years, double rate,
            double volatility) {
        validate(futures, strike, years, volatility);
        double discount = Math.exp(-rate * years);
        double sd = volatility * Math.sqrt(years);
        if (sd == 0) {
            double intrinsic = type == OptionType.CALL ? futures - strike : strike - futures;
            return discount * Math.max(0, intrinsic);
        }
        double d1 = (Math.log(futures / strike) + sd * sd / 2) / sd;
        double d2 = d1 - sd;
        return type == OptionType.CALL
                ? discount * (futures * normalCdf(d1) - strike * normalCdf(d2))
                : discount * (strike * normalCdf(-d2) - futures * normalCdf(-d1));
    }

    /** The option's delta to the futures price, per unit of underlying (between -1 and +1). */
    public static double delta(OptionType type, double futures, double strike, double years, double rate,
            double volatility) {
        validate(futures, strike, years, volatility);
        double discount = Math.exp(-rate * years);
        double sd = volatility * Math.sqrt(years);
        if (sd == 0) {
            boolean inTheMoney = type == OptionType.CALL ? futures > strike : futures < strike;
            return inTheMoney ? (type == OptionType.CALL ? discount : -discount) : 0;
        }
        double d1 = (Math.log(futures / strike) + sd * sd / 2) / sd;
        return type == OptionType.CALL ? discount * normalCdf(d1) : -discount * normalCdf(-d1);
    }

    private static void validate(double futures, double strike, double years, double volatility) {
        if (!(futures > 0) || Double.isInfinite(futures)) {
            throw new IllegalArgumentException(
                    "Black-76 needs a positive futures price, was " + futures + "; price such options with another model");
        }
        if (!(strike > 0)) {
            throw new IllegalArgumentException("strike must be positive, was " + strike);
        }
        if (!(years >= 0)) {
            throw new IllegalArgumentException("time to expiry must not be negative, was " + years);
        }
        if (!(volatility >= 0)) {
            throw new IllegalArgumentException("volatility must not be negative, was " + volatility);
        }
    }

    /**
     * Standard normal cumulative distribution, Hart's double-precision algorithm (as published by Graeme West,
     * "Better approximations to cumulative normal functions", 2005), accurate to about 1e-14.
     */
    static double normalCdf(double x) {
        double abs = Math.abs(x);
        double tail;
        if (abs > 37) {
            tail = 0;
        } else {
            double exponential = Math.exp(-abs * abs / 2);
            if (abs < 7.07106781186547) {
                double build = 3.52624965998911E-02 * abs + 0.700383064443688;
                build = build * abs + 6.37396220353165;
                build = build * abs + 33.912866078383;
                build = build * abs + 112.079291497871;
                build = build * abs + 221.213596169931;
                build = build * abs + 220.206867912376;
                tail = exponential * build;
                build = 8.83883476483184E-02 * abs + 1.75566716318264;
                build = build * abs + 16.064177579207;
                build = build * abs + 86.7807322029461;
                build = build * abs + 296.564248779674;
                build = build * abs + 637.333633378831;
                build = build * abs + 793.826512519948;
                build = build * abs + 440.413735824752;
                tail = tail / build;
            } else {
                double build = abs + 0.65;
                build = abs + 4 / build;
                build = abs + 3 / build;
                build = abs + 2 / build;
                build = abs + 1 / build;
                tail = exponential / build / 2.506628274631;
            }
        }
        return x > 0 ? 1 - tail : tail;
    }
}
