package io.computeclearing.settlement.index;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalTime;

/**
 * An index the back office defines: published daily at {@code publicationTime} in {@code publicationZone} (an IANA
 * zone id such as America/New_York) with {@code valueScale} decimals, in {@code currency} per {@code unit}.
 */
public record NewIndex(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,39}", message = "must be 2 to 40 capital letters, digits or dashes")
        String id,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 100) String unit,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") String currency,
        @Min(0) @Max(10) int valueScale,
        @NotNull LocalTime publicationTime,
        @NotBlank String publicationZone,
        @NotBlank @Size(max = 4000) String description) {
}
