package io.computeclearing.platform.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.computeclearing.platform.bounds.OutOfBounds;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * What is wrong with an unreadable JSON body, in the client's terms. Jackson's own messages name our Java classes
 * ({@code class io.computeclearing...$OpenAccount}), which a response must never show.
 */
final class BodyErrors {

    private BodyErrors() {
    }

    static String describe(JsonProcessingException e) {
        if (e instanceof OutOfBounds bounds) {
            return bounds.requirement();
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        if (e instanceof InvalidFormatException invalid) {
            return "must be " + expected(invalid.getTargetType()) + ", was '" + invalid.getValue() + "'";
        }
        if (e instanceof MismatchedInputException mismatched) {
            return "must be " + expected(mismatched.getTargetType());
        }
        JsonLocation location = e.getLocation();
        String where = location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        if (e instanceof JsonParseException) {
            return "is not well-formed JSON" + where;
        }
        return "cannot be read" + where;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
        }
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class
                || type == short.class || type == Short.class || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == BigDecimal.class || type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type == Instant.class) {
            return "an instant in UTC (YYYY-MM-DDThh:mm:ssZ)";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }
}
