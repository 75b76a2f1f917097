package io.computeclearing.risk.stress;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * A table of exact decimal sums kept as unscaled longs at a scale per scenario, so that revaluing 100,000 accounts
 * makes no decimal objects at all; a cell whose sum would leave the long's range carries on as a BigDecimal, so no
 * value is ever rounded or wrapped.
 */
final class ExactCells {

    private final long[] unscaled;
    private final Map<Integer, BigDecimal> wide = new HashMap<>();

    ExactCells(int cells) {
        this.unscaled = new long[cells];
    }

    /** Adds {@code value} (unscaled, at {@code scale}) to the cell. */
    void add(int cell, long value, int scale) {
        BigDecimal big = wide.get(cell);
        if (big != null) {
            wide.put(cell, big.add(BigDecimal.valueOf(value, scale)));
            return;
        }
        long sum = unscaled[cell] + value;
        if (((unscaled[cell] ^ sum) & (value ^ sum)) < 0) { // overflow: both operands' sign differs from the sum's
            wide.put(cell, BigDecimal.valueOf(unscaled[cell], scale).add(BigDecimal.valueOf(value, scale)));
            unscaled[cell] = 0;
        } else {
            unscaled[cell] = sum;
        }
    }

    /** Adds an exact decimal to the cell, whose long part is at {@code scale}. */
    void add(int cell, BigDecimal value, int scale) {
        BigDecimal held = wide.getOrDefault(cell, BigDecimal.valueOf(unscaled[cell], scale));
        unscaled[cell] = 0;
        wide.put(cell, held.add(value));
    }

    /** The cell's exact value, its long part at {@code scale}. */
    BigDecimal get(int cell, int scale) {
        BigDecimal big = wide.get(cell);
        return big != null ? big : BigDecimal.valueOf(unscaled[cell], scale);
    }
}
