package io.computeclearing.risk.defaults;

import io.computeclearing.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What default management hands over and at which prices, from risk-service's view of the market: an account's open
 * positions (the latest version of each) and the settlement prices of the last end of day.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DefaultPortfolio {

    /**
     * An open position with what pricing it needs: {@code longQuantity}/{@code shortQuantity} as clearing-service
     * keeps them (one of the two is zero unless the account is a client omnibus account), the settlement price of
     * {@code priceDate}.
     */
    public record Held(String accountId, String instrumentId, String family, long longQuantity, long shortQuantity,
                       String currency, BigDecimal contractUnit, BigDecimal settlementPrice) {
    }

    /** An instrument's settlement price of a date, with its currency and contract unit. */
    public record Priced(String instrumentId, String currency, BigDecimal contractUnit, BigDecimal settlementPrice) {
    }

    /** An account's open position in an instrument, without prices. */
    public record Open(String instrumentId, long longQuantity, long shortQuantity) {
    }

    private final EntityManager em;

    public DefaultPortfolio(EntityManager em) {
        this.em = em;
    }

    /** The date of the last completed end of day: its settlement prices are the ones positions move at. */
    public LocalDate priceDate() {
        List<?> latest = em.createNativeQuery("select max(business_date) from risk_end_of_day_run").getResultList();
        if (latest.isEmpty() || latest.get(0) == null) {
            throw ProblemException.conflict("no-settlement-prices", "No end of day yet",
                    "no end-of-day run has completed: positions move at the last settlement prices, and there are "
                            + "none yet");
        }
        return (LocalDate) latest.get(0);
    }

    /**
     * The account's open positions in instrument order, each with its settlement price of {@code priceDate}; 409
     * when one has none yet (the end of day's prices are still arriving: try again shortly).
     */
    public List<Held> held(String accountId, LocalDate priceDate) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select p.instrument_id, i.family, p.long_quantity, p.short_quantity, i.currency,
                               i.contract_unit, s.price
                        from risk_position p
                        join risk_instrument i on i.instrument_id = p.instrument_id
                        left join risk_settlement_price s
                          on s.instrument_id = p.instrument_id and s.business_date = :date
                        where p.account_id = :account and (p.long_quantity > 0 or p.short_quantity > 0)
                        order by p.instrument_id""")
                .setParameter("account", accountId)
                .setParameter("date", priceDate)
                .getResultList();
        return rows.stream().map(row -> {
            if (row[6] == null) {
                throw ProblemException.conflict("settlement-price-missing", "Settlement price not yet in",
                        "account " + accountId + " holds " + row[0] + ", which has no settlement price of "
                                + priceDate + " yet: try again when the end of day's prices have arrived");
            }
            return new Held(accountId, (String) row[0], (String) row[1], ((Number) row[2]).longValue(),
                    ((Number) row[3]).longValue(), ((String) row[4]).trim(), (BigDecimal) row[5],
                    (BigDecimal) row[6]);
        }).toList();
    }

    /** The instrument's settlement price of {@code priceDate}: 404 for an unknown instrument, 409 when none yet. */
    public Priced priced(String instrumentId, LocalDate priceDate) {
        List<?> rows = em.createNativeQuery("""
                        select i.currency, i.contract_unit, s.price from risk_instrument i
                        left join risk_settlement_price s
                          on s.instrument_id = i.instrument_id and s.business_date = :date
                        where i.instrument_id = :instrument""")
                .setParameter("instrument", instrumentId)
                .setParameter("date", priceDate)
                .getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("instrument", instrumentId);
        }
        Object[] row = (Object[]) rows.get(0);
        if (row[2] == null) {
            throw ProblemException.conflict("settlement-price-missing", "Settlement price not yet in",
                    instrumentId + " has no settlement price of " + priceDate + " yet");
        }
        return new Priced(instrumentId, ((String) row[0]).trim(), (BigDecimal) row[1], (BigDecimal) row[2]);
    }

    /** The account's open positions in instrument order, as risk-service last heard of them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Open> open(String accountId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select instrument_id, long_quantity, short_quantity from risk_position
                        where account_id = :account and (long_quantity > 0 or short_quantity > 0)
                        order by instrument_id""")
                .setParameter("account", accountId)
                .getResultList();
        return rows.stream().map(row -> new Open((String) row[0], ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue())).toList();
    }
}
