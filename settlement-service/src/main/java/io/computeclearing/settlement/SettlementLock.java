package io.computeclearing.settlement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Serialises what changes a business date's settlement: publishing prices and running the end of day. Held until
 * the transaction ends, so a price cannot slip in while a run reads the prices, and two runs cannot both post.
 */
@ApplicationScoped
public class SettlementLock {

    private static final long KEY = 0x5E77_1E_0084L;

    private final EntityManager em;

    public SettlementLock(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void acquire() {
        em.createNativeQuery("select pg_advisory_xact_lock(:key)").setParameter("key", KEY).getSingleResult();
    }
}
