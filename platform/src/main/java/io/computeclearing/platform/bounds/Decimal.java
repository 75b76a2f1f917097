package io.computeclearing.platform.bounds;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A decimal that its column stores exactly: at most {@code integer} digits before the point and {@code fraction}
 * after it (trailing zeros do not count: 2.50 is 2.5), so {@code numeric(integer + fraction, fraction)} holds it and
 * nothing is rounded on the way in. A value with more digits is refused, never rounded.
 */
@Documented
@Constraint(validatedBy = DecimalValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Decimal {

    /** Digits before the decimal point. */
    int integer();

    /** Digits after the decimal point. */
    int fraction();

    String message() default "must have at most {integer} digits before the decimal point and {fraction} after it";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
