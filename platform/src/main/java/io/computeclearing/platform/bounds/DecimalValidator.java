package io.computeclearing.platform.bounds;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.math.BigDecimal;

/** Checks {@link Decimal}; a missing value is for {@code @NotNull} to judge. */
public class DecimalValidator implements ConstraintValidator<Decimal, BigDecimal> {

    private int integer;
    private int fraction;

    @Override
    public void initialize(Decimal bound) {
        integer = bound.integer();
        fraction = bound.fraction();
    }

    @Override
    public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
        return value == null || fits(value, integer, fraction);
    }

    /** Whether {@code numeric(integer + fraction, fraction)} holds the value exactly. */
    public static boolean fits(BigDecimal value, int integer, int fraction) {
        BigDecimal exact = value.stripTrailingZeros();
        int fractionDigits = Math.max(exact.scale(), 0);
        int integerDigits = exact.precision() - exact.scale();
        return fractionDigits <= fraction && integerDigits <= integer;
    }
}
