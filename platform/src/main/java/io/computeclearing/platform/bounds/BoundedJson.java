package io.computeclearing.platform.bounds;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Limits every JSON body enforces whatever the field: a decimal has at most {@value #DIGITS} digits before and after
 * the point (our widest column is numeric(38,18); {@code 1e131071} would otherwise reach our code, and written out
 * plainly it is 131,072 characters), and a string holds no control characters other than tab and line breaks
 * (PostgreSQL cannot store NUL). Each field's own, narrower domain is its {@link Decimal} and {@code @Size}.
 */
public final class BoundedJson {

    public static final int DIGITS = 40;

    private BoundedJson() {
    }

    public static SimpleModule module() {
        return new SimpleModule("bounded-json")
                .addDeserializer(BigDecimal.class, new BoundedDecimals())
                .addDeserializer(String.class, new PrintableStrings());
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
