package io.computeclearing.settlement.index.method;

import java.math.BigDecimal;
import java.util.Objects;

/** A price observed with the volume behind it (GPU-hours rented, million tokens billed); volume is positive. */
public record WeightedPrice(BigDecimal price, BigDecimal volume) {

    public WeightedPrice {
        Objects.requireNonNull(price, "price");
        if (volume == null || volume.signum() <= 0) {
            throw new IllegalArgumentException("volume must be positive, got " + volume);
        }
    }

    public static WeightedPrice of(String price, String volume) {
        return new WeightedPrice(new BigDecimal(price), new BigDecimal(volume));
    }
}
