package io.computeclearing.margin.requirement;

import java.util.Objects;

/**
 * What an account holds in one instrument: gross long and gross short contracts. House and client segregated accounts
 * net, so at most one side is non-zero; a client omnibus account pools many clients and keeps both.
 *
 * @param instrumentId  {@code FAMILY-YYYYMM}
 * @param longQuantity  contracts long, not negative
 * @param shortQuantity contracts short, not negative
 */
public record Holding(String instrumentId, long longQuantity, long shortQuantity) {

    public Holding {
        Objects.requireNonNull(instrumentId, "instrumentId");
        if (longQuantity < 0 || shortQuantity < 0) {
            throw new IllegalArgumentException("gross quantities are not negative: " + longQuantity + "/"
                    + shortQuantity + " in " + instrumentId);
        }
    }

    /** A net holding: positive long, negative short. */
    public static Holding net(String instrumentId, long netQuantity) {
        return new Holding(instrumentId, Math.max(netQuantity, 0), netQuantity < 0 ? -netQuantity : 0);
    }

    public long netQuantity() {
        return Math.subtractExact(longQuantity, shortQuantity);
    }

    public boolean isFlat() {
        return longQuantity == 0 && shortQuantity == 0;
    }

    /** The product family: the instrument id before its last dash (GH100 of GH100-202701). */
    public String family() {
        int dash = instrumentId.lastIndexOf('-');
        return dash < 0 ? instrumentId : instrumentId.substring(0, dash);
    }
}
