package io.computeclearing.clearing.trade;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Reads a number of contracts strictly: 3 and 3.0 are three contracts, 2.5 is an error. (Jackson's default would
 * truncate 2.5 to 2 and clear a quantity nobody traded.)
 */
public class WholeContracts extends StdDeserializer<Long> {

    public WholeContracts() {
        super(Long.class);
    }

    @Override
    public Long deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return parser.getLongValue();
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            BigDecimal value = parser.getDecimalValue();
            try {
                return value.longValueExact();
            } catch (ArithmeticException e) {
                return (Long) context.handleWeirdNumberValue(Long.class, value, "not a whole number of contracts");
            }
        }
        return (Long) context.handleUnexpectedToken(Long.class, parser);
    }
}
