package io.computeclearing.platform.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Dates and times as native queries return them (the JDBC driver's type depends on the column), made uniform; null
 * stays null.
 */
public final class SqlValues {

    private SqlValues() {
    }

    public static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalStateException("not a timestamp: " + value.getClass().getName());
        };
    }

    public static LocalDate date(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
