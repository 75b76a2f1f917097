package io.computeclearing.settlement.index;

import io.computeclearing.platform.bounds.Decimal;
import io.computeclearing.settlement.index.method.InputKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One observation submitted by the back office. {@code observationId} is the submitter's own id: sending it again is
 * a replay. {@code price} may be zero or negative; {@code volume} is the quantity behind the price, positive.
 */
public record ObservationSubmission(
        @NotBlank @Size(max = 100) String observationId,
        @NotBlank @Size(max = 100) String provider,
        @NotNull InputKind kind,
        @NotNull @Decimal(integer = 12, fraction = 10) BigDecimal price,
        @NotNull @Positive @Decimal(integer = 12, fraction = 10) BigDecimal volume,
        @NotNull Instant observedAt) {

    /** Whether a stored observation says the same as this submission (numbers compared by value, not scale). */
    boolean sameAs(IndexObservation stored) {
        return stored.provider.equals(provider) && stored.kind == kind && stored.price.compareTo(price) == 0
                && stored.volume.compareTo(volume) == 0 && stored.observedAt.equals(observedAt);
    }
}
