package io.computeclearing.margin.instrument;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A contract month clearing-service listed: its family, last trading day, currency, contract unit, the index its final
 * settlement price comes from, and its status ({@code ACTIVE}, {@code EXPIRING}, {@code EXPIRED}, {@code SETTLED}).
 */
@Entity
@Table(name = "listed_instrument")
public class ListedInstrument extends PanacheEntityBase {

    @Id
    @Column(name = "instrument_id")
    public String instrumentId;

    @Column(nullable = false)
    public String family;

    @Column(name = "contract_month", nullable = false)
    public String contractMonth;

    @Column(name = "last_trading_day", nullable = false)
    public LocalDate lastTradingDay;

    @Column(nullable = false)
    public String currency;

    @Column(name = "contract_unit", nullable = false)
    public BigDecimal contractUnit;

    @Column(name = "underlying_index_id", nullable = false)
    public String underlyingIndexId;

    @Column(name = "final_settlement_rule", nullable = false)
    public String finalSettlementRule;

    @Column(nullable = false)
    public String status;

    @Column(name = "listed_at", nullable = false)
    public Instant listedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The index behind the family: that of its most recently listed contract month. */
    public static Optional<String> indexOfFamily(String family) {
        return ListedInstrument.<ListedInstrument>find("family = ?1 order by contractMonth desc, instrumentId desc",
                family).firstResultOptional().map(i -> i.underlyingIndexId);
    }
}
