package io.computeclearing.settlement.run;

import io.computeclearing.platform.persistence.SqlValues;
import io.computeclearing.settlement.SettlementLock;
import io.computeclearing.settlement.instrument.SettledInstrument;
import io.computeclearing.settlement.price.SettlementPrices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Intraday prices the back office publishes for a business date, for the scheduled settlement cycles (and for an
 * on-demand cycle given no prices of its own): the same bounds and tick grid as settlement prices, all or none per
 * request; the latest price of an instrument replaces the earlier one. Refused once the date is closed or settled.
 */
@ApplicationScoped
@Transactional
public class IntradayPrices {

    /** An intraday price in force for a date. */
    public record IntradayPrice(String instrumentId, LocalDate businessDate, BigDecimal price, String publishedBy,
                                Instant publishedAt) {
    }

    private final SettlementPrices settlementPrices;
    private final SettlementLock lock;
    private final IntradayCycles cycles;
    private final EntityManager em;
    private final Clock clock;

    public IntradayPrices(SettlementPrices settlementPrices, SettlementLock lock, IntradayCycles cycles,
                          EntityManager em, Clock clock) {
        this.settlementPrices = settlementPrices;
        this.lock = lock;
        this.cycles = cycles;
        this.em = em;
        this.clock = clock;
    }

    public List<IntradayPrice> publish(LocalDate businessDate, List<SettlementPrices.Submission> submissions,
                                       String by) {
        Map<String, SettledInstrument> instruments = settlementPrices.instruments(submissions);
        lock.acquire();
        cycles.requireOpen(businessDate);
        Instant at = clock.instant();
        for (SettlementPrices.Submission submission : submissions) {
            em.createNativeQuery("""
                            insert into intraday_price (business_date, instrument_id, price, published_by, published_at)
                            values (:date, :instrument, :price, :by, :at)
                            on conflict (business_date, instrument_id) do update
                            set price = excluded.price, published_by = excluded.published_by,
                                published_at = excluded.published_at""")
                    .setParameter("date", businessDate).setParameter("instrument", submission.instrumentId())
                    .setParameter("price", instruments.get(submission.instrumentId()).atTickScale(submission.price()))
                    .setParameter("by", by).setParameter("at", at).executeUpdate();
        }
        return inForce(businessDate);
    }

    /** The intraday prices in force for the date, by instrument. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<IntradayPrice> inForce(LocalDate businessDate) {
        List<Object[]> rows = em.createNativeQuery("""
                        select p.instrument_id, p.price, i.tick_size, p.published_by, p.published_at
                        from intraday_price p join settlement_instrument i on i.instrument_id = p.instrument_id
                        where p.business_date = :date order by p.instrument_id""")
                .setParameter("date", businessDate).getResultList();
        return rows.stream().map(r -> new IntradayPrice((String) r[0], businessDate, ((BigDecimal) r[1]).setScale(
                Math.max(0, ((BigDecimal) r[2]).stripTrailingZeros().scale())), (String) r[3],
                SqlValues.instant(r[4]))).toList();
    }
}
