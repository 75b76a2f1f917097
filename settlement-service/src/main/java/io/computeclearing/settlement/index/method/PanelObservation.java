package io.computeclearing.settlement.index.method;

import java.math.BigDecimal;
import java.time.Instant;

/** One observation of the panel: a provider's price and volume of a kind, as of {@code observedAt}. */
public record PanelObservation(long id, String provider, InputKind kind, BigDecimal price, BigDecimal volume,
                               Instant observedAt) {

    public WeightedPrice weighted() {
        return new WeightedPrice(price, volume);
    }
}
