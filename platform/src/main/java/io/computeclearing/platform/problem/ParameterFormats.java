package io.computeclearing.platform.problem;

import io.computeclearing.platform.bounds.BoundedJson;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads dates, instants, numbers and enums from path and query parameters, and refuses a value that does not parse
 * with 400 naming the parameter ({@code path parameter 'businessDate' must be a date (YYYY-MM-DD)}). Without it
 * RESTEasy Reactive answers 404, as JAX-RS prescribes, which tells the caller nothing about what to fix.
 */
@Provider
public class ParameterFormats implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Named parameter = Named.of(annotations);
        if (parameter == null) {
            return null;
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) parameter.converter(text -> inBusinessYears(LocalDate.parse(text)),
                    "must be a date (YYYY-MM-DD) in the years " + FIRST_YEAR + " to " + LAST_YEAR);
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) parameter.converter(
                    text -> inBusinessYears(Instant.parse(text)),
                    "must be an instant in UTC (YYYY-MM-DDThh:mm:ssZ) in the years " + FIRST_YEAR + " to " + LAST_YEAR);
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) parameter.converter(Long::valueOf, "must be a whole number");
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) parameter.converter(Integer::valueOf, "must be a whole number");
        }
        if (rawType == BigDecimal.class) {
            return (ParamConverter<T>) parameter.converter(ParameterFormats::bounded,
                    "must be a decimal number of at most " + BoundedJson.DIGITS + " digits before and after the point");
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            String values = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            return (ParamConverter<T>) parameter.converter(text -> Enum.valueOf(type, text), "must be one of " + values);
        }
        return null;
    }

    /**
     * The years a date or instant parameter may name: the clearing house's business spans decades, not the billion
     * years {@link LocalDate} allows, whose extremes overflow the database's date type and our date arithmetic.
     */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2199;

    private static LocalDate inBusinessYears(LocalDate date) {
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            throw new IllegalArgumentException("outside the business years");
        }
        return date;
    }

    private static Instant inBusinessYears(Instant instant) {
        inBusinessYears(LocalDate.ofInstant(instant, ZoneOffset.UTC));
        return instant;
    }

    private static BigDecimal bounded(String text) {
        BigDecimal value = new BigDecimal(text);
        if (value.scale() > BoundedJson.DIGITS || value.precision() - value.scale() > BoundedJson.DIGITS) {
            throw new IllegalArgumentException("too many digits");
        }
        return value;
    }

    /** A parameter by where it is and its name, as the annotation gives them. */
    private record Named(String location, String name) {

        static Named of(Annotation[] annotations) {
            for (Annotation annotation : annotations == null ? new Annotation[0] : annotations) {
                String name = switch (annotation) {
                    case PathParam path -> path.value();
                    case RestPath path -> path.value();
                    case QueryParam query -> query.value();
                    case RestQuery query -> query.value();
                    default -> null;
                };
                if (name != null && !name.isEmpty()) {
                    boolean path = annotation instanceof PathParam || annotation instanceof RestPath;
                    return new Named(path ? "path" : "query", name);
                }
            }
            return null;
        }

        <T> ParamConverter<T> converter(Function<String, T> parse, String expectation) {
            return new ParamConverter<>() {
                @Override
                public T fromString(String value) {
                    if (value == null) {
                        return null;
                    }
                    try {
                        return parse.apply(value);
                    } catch (RuntimeException malformed) {
                        throw ProblemException.malformedParameter(location, name, expectation);
                    }
                }

                @Override
                public String toString(T value) {
                    return value instanceof Enum<?> constant ? constant.name() : String.valueOf(value);
                }
            };
        }
    }
}
