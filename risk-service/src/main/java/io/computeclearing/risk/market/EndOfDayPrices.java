package io.computeclearing.risk.market;

import io.computeclearing.platform.events.settlement.SettlementEvents.EndOfDayRunCompleted;
import io.computeclearing.platform.events.settlement.SettlementEvents.RunPrice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.util.List;

/**
 * The prices each end-of-day run settled at, as its {@code EndOfDayRunCompleted} names them. The price events
 * themselves come on another topic, in no order against the run: a stress run or backtest of the date waits until
 * every one of them has arrived here with the run's price, so it never revalues at an older price of an instrument.
 * Both consumers of the run record them (idempotently), so neither depends on the other's progress.
 */
@ApplicationScoped
public class EndOfDayPrices {

    private final EntityManager em;

    public EndOfDayPrices(EntityManager em) {
        this.em = em;
    }

    /** Records (or, for a date settled again, replaces) the run's prices. A run published without them names none. */
    public void record(EndOfDayRunCompleted run) {
        List<RunPrice> prices = run.prices() == null ? List.of() : run.prices();
        em.createNativeQuery("delete from risk_end_of_day_price where business_date = :date")
                .setParameter("date", run.businessDate()).executeUpdate();
        for (RunPrice price : prices) {
            em.createNativeQuery("""
                            insert into risk_end_of_day_price (business_date, instrument_id, kind, price)
                            values (:date, :instrument, :kind, :price) on conflict do nothing""")
                    .setParameter("date", run.businessDate()).setParameter("instrument", price.instrumentId())
                    .setParameter("kind", price.kind()).setParameter("price", price.price())
                    .executeUpdate();
        }
    }

    /** The instruments whose price of the run of {@code date} has not arrived yet (or arrived at another price). */
    public List<String> notArrived(LocalDate date) {
        return em.createNativeQuery("""
                        select e.instrument_id from risk_end_of_day_price e where e.business_date = :date
                        and not exists (select 1 from risk_settlement_price s where s.instrument_id = e.instrument_id
                                        and s.business_date = e.business_date and s.price = e.price)
                        order by e.instrument_id""", String.class)
                .setParameter("date", date).getResultList();
    }
}
