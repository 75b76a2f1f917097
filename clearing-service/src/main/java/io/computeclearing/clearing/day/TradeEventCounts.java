package io.computeclearing.clearing.day;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;

/**
 * How many trade events belong to a business date, counted from the leg journal the events were recorded with:
 * each novation leg and each transfer leg (both legs of a default-management transfer trade) was one TradeCleared;
 * each reversal leg that is not a give-up's was one TradeBusted (its business date is the bust's); each accepted
 * give-up was two GiveUpAccepted on the trade's business date.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TradeEventCounts {

    /** The counts a BusinessDayClosed carries. */
    public record Counts(long tradeLegsCleared, long tradeLegsBusted, long giveUpsAccepted) {
    }

    private final EntityManager em;

    public TradeEventCounts(EntityManager em) {
        this.em = em;
    }

    public Counts of(LocalDate date) {
        Object[] row = (Object[]) em.createNativeQuery("""
                        select
                          (select count(*) from trade_leg l where l.business_date = :date
                             and l.kind in ('NOVATION', 'TRANSFER')),
                          (select count(*) from trade_leg l where l.business_date = :date and l.kind = 'REVERSAL'
                             and not exists (select 1 from give_up g
                                             where g.leg_id = l.reverses_leg_id and g.status = 'ACCEPTED')),
                          (select count(*) from give_up g join trade_leg l on l.id = g.leg_id
                             where l.business_date = :date and g.status = 'ACCEPTED')""")
                .setParameter("date", date)
                .getSingleResult();
        return new Counts(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue());
    }
}
