package io.computeclearing.risk.scenario;

import io.computeclearing.platform.bounds.Decimal;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.math.BigDecimal;

/**
 * One price shock of a hypothetical scenario: for every instrument of {@code family} (or only its
 * {@code contractMonth}, {@code YYYY-MM}), {@code RELATIVE}: the price moves by {@code value} (-0.40 is 40 % down;
 * above -1) or {@code ABSOLUTE}: the price becomes {@code value} (a price, so any sign, on no particular grid).
 */
public record NewShock(
        @NotNull @Pattern(regexp = "[A-Z0-9]{1,16}", message = "must be a product family symbol (A-Z, 0-9, at most 16)")
        String family,
        @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "must be a contract month YYYY-MM") String contractMonth,
        @NotNull ShockKind kind,
        @NotNull @Decimal(integer = 12, fraction = 8) BigDecimal value) {
}
