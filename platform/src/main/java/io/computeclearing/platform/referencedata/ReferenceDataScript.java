package io.computeclearing.platform.referencedata;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Runs a service's reference data script (a SQL file in its resources) in the caller's transaction. The script's
 * statements end with {@code ;} at the end of a line; lines starting with {@code --} are comments. Each statement
 * must add only what is absent ({@code on conflict do nothing}, {@code where not exists}) and return one text column
 * naming each row it added, so the load is idempotent and says what it did.
 * <p>
 * The load holds a transaction-scoped advisory lock named after the script: replicas starting together load one after
 * the other, and the later one, reading after the lock is granted, finds everything present and adds nothing.
 */
@ApplicationScoped
public class ReferenceDataScript {

    private static final Logger LOG = Logger.getLogger(ReferenceDataScript.class);
    private static final Pattern STATEMENT_END = Pattern.compile(";[ \\t]*(\\r?\\n|$)");

    private final DataSource dataSource;

    public ReferenceDataScript(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs the script at {@code resource} (on the class path); returns what it added, empty when all was present. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> load(String resource) {
        List<String> added = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, "reference-data:" + resource);
                lock.execute();
            }
            for (String sql : statements(read(resource))) {
                try (Statement statement = connection.createStatement()) {
                    if (!statement.execute(sql)) {
                        throw new IllegalStateException(resource + ": a statement returns no names of what it "
                                + "added (end it with 'returning ...' or make it a select): " + sql);
                    }
                    try (ResultSet rows = statement.getResultSet()) {
                        while (rows.next()) {
                            added.add(rows.getString(1));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reference data " + resource + " could not be loaded: " + e.getMessage(),
                    e);
        }
        if (added.isEmpty()) {
            LOG.infof("reference data %s: everything present, nothing loaded", resource);
        } else {
            LOG.infof("reference data %s: loaded %s", resource, String.join(", ", added));
        }
        return List.copyOf(added);
    }

    /** The script's statements, comment lines dropped. */
    static List<String> statements(String script) {
        String withoutComments = script.lines()
                .filter(line -> !line.stripLeading().startsWith("--"))
                .collect(Collectors.joining("\n"));
        return Arrays.stream(STATEMENT_END.split(withoutComments))
                .map(String::strip)
                .filter(sql -> !sql.isEmpty())
                .toList();
    }

    private static String read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("reference data script not found on the class path: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
