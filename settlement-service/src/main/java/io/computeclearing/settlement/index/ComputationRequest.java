package io.computeclearing.settlement.index;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Compute the index for {@code valueDate} from the observations made up to {@code cutoff} (default: the value date's
 * publication time in the index's zone). A date that already has a value needs a {@code restatementReason}.
 */
public record ComputationRequest(@NotNull LocalDate valueDate, Instant cutoff,
                                 @Size(max = 500) String restatementReason) {
}
