package io.computeclearing.platform.bounds;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import io.computeclearing.platform.problem.ParameterFormats;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Limits every JSON body enforces whatever the field: a decimal has at most {@value #DIGITS} digits before and after
 * the point (our widest column is numeric(38,18); {@code 1e131071} would otherwise reach our code, and written out
 * plainly it is 131,072 characters), and a string holds no control characters other than tab and line breaks
 * (PostgreSQL cannot store NUL), and a date or instant lies in the business years, as in a path or query parameter
 * ({@link ParameterFormats#FIRST_YEAR} to {@link ParameterFormats#LAST_YEAR}: year -999999999 overflows the
 * database's date type and our date arithmetic). Each field's own, narrower domain is its {@link Decimal} and
 * {@code @Size}.
 */
public final class BoundedJson {

    public static final int DIGITS = 40;
    private static final Instant FIRST_INSTANT =
            LocalDate.of(ParameterFormats.FIRST_YEAR, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant AFTER_LAST_INSTANT =
            LocalDate.of(ParameterFormats.LAST_YEAR + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);

    private BoundedJson() {
    }

    public static SimpleModule module() {
        return new SimpleModule("bounded-json")
                .addDeserializer(BigDecimal.class, new BoundedDecimals())
                .addDeserializer(String.class, new PrintableStrings())
                .addDeserializer(LocalDate.class, new BusinessDates())
                .addDeserializer(Instant.class, new BusinessInstants());
    }

    static final class BusinessDates extends StdDeserializer<LocalDate> {

        BusinessDates() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            LocalDate value = LocalDateDeserializer.INSTANCE.deserialize(parser, context);
            if (value != null && !inBusinessYears(value)) {
                throw new OutOfBounds(parser, "must be a date (YYYY-MM-DD) in the years " + ParameterFormats.FIRST_YEAR
                        + " to " + ParameterFormats.LAST_YEAR, LocalDate.class);
            }
            return value;
        }
    }

    static final class BusinessInstants extends StdDeserializer<Instant> {

        BusinessInstants() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Instant value = InstantDeserializer.INSTANT.deserialize(parser, context);
            if (value != null && (value.isBefore(FIRST_INSTANT) || !value.isBefore(AFTER_LAST_INSTANT))) {
                throw new OutOfBounds(parser, "must be an instant in UTC (YYYY-MM-DDThh:mm:ssZ) in the years "
                        + ParameterFormats.FIRST_YEAR + " to " + ParameterFormats.LAST_YEAR, Instant.class);
            }
            return value;
        }
    }

    private static boolean inBusinessYears(LocalDate date) {
        return date.getYear() >= ParameterFormats.FIRST_YEAR && date.getYear() <= ParameterFormats.LAST_YEAR;
    }

    static final class BoundedDecimals extends NumberDeserializers.BigDecimalDeserializer {

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            BigDecimal value = super.deserialize(parser, context);
            if (value != null && (value.scale() > DIGITS || value.precision() - value.scale() > DIGITS)) {
                throw new OutOfBounds(parser, "must be a number of at most " + DIGITS + " digits before the decimal"
                        + " point and " + DIGITS + " after it", BigDecimal.class);
            }
            return value;
        }
    }

    static final class PrintableStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && value.chars().anyMatch(PrintableStrings::control)) {
                throw new OutOfBounds(parser, "must not contain control characters", String.class);
            }
            return value;
        }

        static boolean control(int c) {
            return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f;
        }
    }
}
