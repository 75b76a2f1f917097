package io.computeclearing.margin.prices;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.computeclearing.platform.persistence.SqlValues;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The market prices margin is computed at: the latest published daily settlement price of each instrument (the one
 * of its latest business date) or, during a business day, the price of its latest intraday settlement cycle; and
 * which instruments are finally settled.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReferencePrices {

    private final EntityManager em;

    public ReferencePrices(EntityManager em) {
        this.em = em;
    }

    /**
     * The reference price of each of the instruments that has one: its latest settlement price, or the price of its
     * latest intraday settlement cycle when that is of a later business date.
     */
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
        Map<String, LocalDate> dates = new HashMap<>();
        rows.forEach(p -> {
            prices.put(p.instrumentId, p.price);
            dates.put(p.instrumentId, p.businessDate);
        });
        for (Object row : em.createNativeQuery("""
                        select distinct on (instrument_id) instrument_id, business_date, price from cycle_price
                        where instrument_id in :ids order by instrument_id, business_date desc, settled_at desc""")
                .setParameter("ids", instrumentIds).getResultList()) {
            Object[] cycle = (Object[]) row;
            LocalDate settled = dates.get((String) cycle[0]);
            if (settled == null || SqlValues.date(cycle[1]).isAfter(settled)) {
                prices.put((String) cycle[0], (BigDecimal) cycle[2]);
            }
        }
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
