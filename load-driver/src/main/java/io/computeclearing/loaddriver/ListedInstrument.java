package io.computeclearing.loaddriver;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A contract month the driver may trade, as {@code GET /catalogue/instruments} lists it: {@code SYMBOL-YYYYMM} and its
 * family's tick size, the smallest price step (0.005 USD per GPU-hour for GH100).
 */
public record ListedInstrument(String id, String family, BigDecimal tickSize) {

    public ListedInstrument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(family, "family");
        if (tickSize == null || tickSize.signum() <= 0) {
            throw new IllegalArgumentException("tick size of " + id + " must be positive, not " + tickSize);
        }
        tickSize = tickSize.stripTrailingZeros();
    }

    /** Decimal places of a price on this instrument's grid: 3 for a tick of 0.005, 2 for 0.05. */
    public int priceScale() {
        return Math.max(tickSize.scale(), 0);
    }
}
