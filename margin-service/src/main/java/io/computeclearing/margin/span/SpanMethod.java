package io.computeclearing.margin.span;

import java.util.Objects;

/**
 * The method of assembly: the choices where CCPs running SPAN differ, selected by configuration.
 *
 * @param interCommodityCredit how inter-commodity credits are computed
 * @param shortOptionMinimum   how short options are counted for the short option minimum
 */
public record SpanMethod(InterCommodityCreditMethod interCommodityCredit, ShortOptionMinimumMethod shortOptionMinimum) {

    /** CME's standard method: delta-based inter-commodity credits, all short options count. */
    public static final SpanMethod CME = new SpanMethod(InterCommodityCreditMethod.DELTA_WEIGHTED_PRICE_RISK,
            ShortOptionMinimumMethod.ALL_SHORT_OPTIONS);

    public SpanMethod {
        Objects.requireNonNull(interCommodityCredit, "interCommodityCredit");
        Objects.requireNonNull(shortOptionMinimum, "shortOptionMinimum");
    }

    public static SpanMethod of(InterCommodityCreditMethod interCommodityCredit,
            ShortOptionMinimumMethod shortOptionMinimum) {
        return new SpanMethod(interCommodityCredit, shortOptionMinimum);
    }

    /** How inter-commodity credits are computed. */
    public enum InterCommodityCreditMethod {
        /**
         * Per commodity: active scenario {@code a}, time risk {@code T = (loss[1] + loss[2]) / 2}, volatility risk
         * {@code V = (loss[a] - loss[pair(a)]) / 2}, price risk {@code P = scan - T - V}, weighted price risk
         * {@code WPR = max(0, P) / |net delta|}; credit per leg {@code spreads x ratio x WPR x rate}.
         */
        DELTA_WEIGHTED_PRICE_RISK,
        /**
         * Scanning style: the legs of a spread are scanned together and in each scenario the gaining legs offset the
         * losing legs at the credit rate, {@code joint[s] = sum(losses) - rate x sum(gains)}; the credit is
         * {@code sum(scan_i) - max(0, max_s joint[s])}, shared among the legs in proportion to their scan risk (the
         * last leg takes the rounding remainder). Delta ratios are not used; every leg's whole position takes part,
         * so a commodity takes part in at most one such spread (the first by priority). Legs must share a currency.
         */
        SCENARIO_OFFSET
    }

    /** How short options are counted for the short option minimum. */
    public enum ShortOptionMinimumMethod {
        /** {@code rate x (short calls + short puts)}. */
        ALL_SHORT_OPTIONS,
        /** {@code rate x max(short calls, short puts)}: a short strangle counts once. */
        MAX_OF_SHORT_CALLS_AND_PUTS
    }
}
