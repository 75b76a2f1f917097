package io.computeclearing.testsupport.fuzz;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The number of rows in every table of a service's database, read in one statement so that it can be taken around
 * every refused request: a refusal that leaves a count changed wrote something. Flyway's history is the only table
 * left out; the outbox, inbox and parked events count like any other.
 */
final class RowCounts {

    private final DataSource dataSource;
    private final List<String> tables;
    private final String query;

    private RowCounts(DataSource dataSource, List<String> tables) {
        this.dataSource = dataSource;
        this.tables = tables;
        this.query = tables.isEmpty() ? null : "select " + tables.stream()
                .map(table -> "(select count(*) from " + table + ")")
                .collect(Collectors.joining(", "));
    }

    static RowCounts of(DataSource dataSource) {
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("""
                     select table_schema, table_name from information_schema.tables
                     where table_type = 'BASE TABLE'
                       and table_schema not in ('pg_catalog', 'information_schema')
                       and table_name <> 'flyway_schema_history'
                     order by table_schema, table_name""")) {
            while (result.next()) {
                tables.add('"' + result.getString(1) + "\".\"" + result.getString(2) + '"');
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the tables of the service's database", e);
        }
        return new RowCounts(dataSource, tables);
    }

    int tableCount() {
        return tables.size();
    }

    /** Rows per table, now. */
    Map<String, Long> now() {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (query == null) {
            return counts;
        }
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            result.next();
            for (int i = 0; i < tables.size(); i++) {
                counts.put(tables.get(i), result.getLong(i + 1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the rows of the service's tables", e);
        }
        return counts;
    }

    /**
     * The counts once background work (the outbox relay, consumers of events an accepted request published) has
     * stopped changing them: two readings a quarter of a second apart agree, or three seconds have passed.
     */
    Map<String, Long> settled() {
        Map<String, Long> previous = now();
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < deadline) {
            sleep();
            Map<String, Long> current = now();
            if (current.equals(previous)) {
                return current;
            }
            previous = current;
        }
        return previous;
    }

    /** What changed between two readings, as {@code table +n}. */
    static String difference(Map<String, Long> before, Map<String, Long> after) {
        return after.entrySet().stream()
                .filter(entry -> !entry.getValue().equals(before.get(entry.getKey())))
                .map(entry -> entry.getKey() + " " + signed(entry.getValue() - before.getOrDefault(entry.getKey(), 0L)))
                .collect(Collectors.joining(", "));
    }

    private static String signed(long n) {
        return n >= 0 ? "+" + n : String.valueOf(n);
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
