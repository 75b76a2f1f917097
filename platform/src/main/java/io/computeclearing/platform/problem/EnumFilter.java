package io.computeclearing.platform.problem;

import java.util.Arrays;

/**
 * A list's optional filter on an enum, from a query parameter kept as text so that a blank value means "no filter";
 * any other value not among the constants is a 400 validation problem naming the parameter and the values allowed.
 */
public final class EnumFilter {

    private EnumFilter() {
    }

    /** The constant named {@code value}, or null when it is absent or blank. */
    public static <E extends Enum<E>> E of(String parameter, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(parameter, "must be one of "
                    + Arrays.toString(type.getEnumConstants()) + ", was " + value);
        }
    }
}
