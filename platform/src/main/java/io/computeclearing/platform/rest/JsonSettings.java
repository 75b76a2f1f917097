package io.computeclearing.platform.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.computeclearing.platform.bounds.BoundedJson;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * REST JSON rules for every service: decimals exact and written plainly (no 1E+3), a misspelt or unknown field is
 * an error the caller sees rather than a value silently ignored, and types are strict: {@code "reference": 123} is
 * not a string, {@code "quantity": "5"} or {@code 5.5} not a whole number, {@code "true"} not a boolean. Every
 * number and string is bounded while it is read ({@link BoundedJson}).
 */
@Singleton
public class JsonSettings implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.registerModule(BoundedJson.module());
    }

    /**
     * Last of all customizers: Quarkus registers the Java time module in one of its own, and of two modules with a
     * deserializer for the same type (our bounded dates) the one registered later wins.
     */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }
}
