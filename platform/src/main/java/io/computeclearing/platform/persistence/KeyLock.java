package io.computeclearing.platform.persistence;

import jakarta.persistence.EntityManager;

/**
 * A PostgreSQL advisory lock on one natural key, held to the end of the transaction. Where a repeated create is
 * answered from what the first one recorded (an upsert, a new version numbered after the last), taking it before
 * the "does it exist?" read makes simultaneous requests run one after the other, so they answer as sequential ones
 * do. A row lock cannot do this: there is no row to lock before the first create.
 */
public final class KeyLock {

    private KeyLock() {
    }

    /** Waits until no other transaction holds {@code key} in {@code space} (a table name, say), then holds it. */
    public static void hold(EntityManager em, String space, String key) {
        em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtext(:space), hashtext(:key))) held")
                .setParameter("space", space).setParameter("key", key).getSingleResult();
    }
}
