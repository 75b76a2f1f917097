package io.computeclearing.clearing.catalogue;

import io.computeclearing.platform.bounds.Decimal;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A contract family as the back office defines it ({@code POST /catalogue/families}). */
public record NewFamily(
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9]{1,11}", message = "must be 2-12 upper-case letters or digits, starting with a letter")
        String symbol,
        @NotBlank @Size(max = 200) String description,
        @NotBlank @Size(max = 40) String underlyingIndexId,
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code") String currency,
        @NotNull @Positive @Decimal(integer = 14, fraction = 4) BigDecimal contractUnit,
        @NotBlank @Size(max = 100) String unitDescription,
        @NotNull @Positive @Decimal(integer = 12, fraction = 8) BigDecimal tickSize,
        @NotNull @Min(1) @Max(60) Integer listingCycleMonths,
        @NotNull LastTradingDayRule lastTradingDayRule,
        @Min(0) @Max(LastTradingDayRule.MAX_OFFSET) Integer lastTradingDayOffset,
        @NotNull FinalSettlementRule finalSettlementRule,
        List<@NotNull LocalDate> holidays) {

    public int offset() {
        return lastTradingDayOffset == null ? 0 : lastTradingDayOffset;
    }
}
