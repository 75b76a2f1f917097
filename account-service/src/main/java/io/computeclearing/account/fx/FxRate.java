package io.computeclearing.account.fx;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An exchange rate as of a time: one unit of {@code baseCurrency} costs {@code rate} units of {@code quoteCurrency}
 * (USD/CNY 7.10). Rates are kept as history; the latest {@code asOf} counts.
 */
@Entity
@Table(name = "fx_rate")
@Immutable
public class FxRate extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "base_currency", nullable = false)
    public String baseCurrency;

    @Column(name = "quote_currency", nullable = false)
    public String quoteCurrency;

    @Column(nullable = false)
    public BigDecimal rate;

    @Column(name = "as_of", nullable = false)
    public Instant asOf;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    private static final Sort NEWEST_FIRST = Sort.descending("asOf", "id");

    /** The latest rate between the two currencies, whichever way round it was quoted. */
    public static Optional<FxRate> latestBetween(String currency, String otherCurrency) {
        return find("(baseCurrency = ?1 and quoteCurrency = ?2) or (baseCurrency = ?2 and quoteCurrency = ?1)",
                NEWEST_FIRST, currency, otherCurrency).firstResultOptional();
    }

    /** Every rate recorded for the pair as quoted, newest as-of first. */
    public static List<FxRate> history(String base, String quote) {
        return list("baseCurrency = ?1 and quoteCurrency = ?2", NEWEST_FIRST, base, quote);
    }

    /** The latest rate of every quoted pair. */
    @SuppressWarnings("unchecked")
    public static List<FxRate> latestPerPair() {
        return getEntityManager().createNativeQuery("""
                        select distinct on (base_currency, quote_currency) * from fx_rate
                        order by base_currency, quote_currency, as_of desc, id desc""", FxRate.class)
                .getResultList();
    }
}
