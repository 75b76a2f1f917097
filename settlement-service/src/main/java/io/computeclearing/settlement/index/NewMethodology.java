package io.computeclearing.settlement.index;

import io.computeclearing.settlement.index.method.IndexMethod;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * A new methodology version. {@code trimFraction} (default 0) applies to {@link IndexMethod#TRIMMED_MEAN} only;
 * {@code stalenessLimit} is an ISO-8601 duration such as PT24H; {@code outlierMadMultiple} is k in "exclude when
 * |price - median| &gt; k x median absolute deviation".
 */
public record NewMethodology(
        @NotNull IndexMethod method,
        @DecimalMin("0") @DecimalMax(value = "0.5", inclusive = false) BigDecimal trimFraction,
        @Min(1) int minContributors,
        @NotNull Duration stalenessLimit,
        @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal outlierMadMultiple,
        @NotBlank @Size(max = 500) String changeReason) {
}
