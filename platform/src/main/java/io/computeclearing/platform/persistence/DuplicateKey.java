package io.computeclearing.platform.persistence;

import io.computeclearing.platform.problem.ProblemException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;

/**
 * A unique key another transaction took first (PostgreSQL SQLState 23505). Two simultaneous creates of the same
 * thing both pass the "does it exist?" check; the loser only learns it on insert, which PostgreSQL holds until the
 * winner commits. {@link #flush} makes that happen inside the request, so the loser answers what a sequential
 * duplicate answers instead of failing at commit.
 */
public final class DuplicateKey {

    static final String UNIQUE_VIOLATION = "23505";

    private DuplicateKey() {
    }

    /**
     * Flushes the pending inserts now; a unique key taken by a concurrent request becomes the refusal {@code refusal}
     * makes from the violated constraint's name (the transaction rolls back, nothing is written).
     */
    public static void flush(EntityManager em, Function<String, ProblemException> refusal) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            Optional<String> constraint = constraintOf(e);
            if (constraint.isEmpty()) {
                throw e;
            }
            throw refusal.apply(constraint.get());
        }
    }

    /** The violated unique constraint's name ("" when the driver does not say) if {@code failure} is one. */
    public static Optional<String> constraintOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return Optional.of(constraintName(failure));
            }
        }
        return Optional.empty();
    }

    private static String constraintName(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException c && c.getConstraintName() != null) {
                return c.getConstraintName();
            }
        }
        return "";
    }
}
