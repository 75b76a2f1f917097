package io.computeclearing.margin.prices;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The market prices margin is computed at: the latest published daily settlement price of each instrument (the one
 * of its latest business date), and which instruments are finally settled.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReferencePrices {

    private final EntityManager em;

    public ReferencePrices(EntityManager em) {
        this.em = em;
    }

    /** The latest settlement price of each of the instruments that has one. */
    public Map<String, BigDecimal> latest(Collection<String> instrumentIds) {
        Map<String, BigDecimal> prices = new HashMap<>();
        if (instrumentIds.isEmpty()) {
            return prices;
        }
        List<SettlementPrice> rows = em.createQuery("""
                        select p from SettlementPrice p where p.instrumentId in :ids
                        and p.businessDate = (select max(q.businessDate) from SettlementPrice q
                                              where q.instrumentId = p.instrumentId)""", SettlementPrice.class)
                .setParameter("ids", instrumentIds).getResultList();
        rows.forEach(p -> prices.put(p.instrumentId, p.price));
        return prices;
    }

    /** Those of the instruments that are finally settled. */
    public Set<String> finallySettled(Collection<String> instrumentIds) {
        if (instrumentIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery(
                        "select f.instrumentId from FinalSettlement f where f.instrumentId in :ids", String.class)
                .setParameter("ids", instrumentIds).getResultList());
    }
}
