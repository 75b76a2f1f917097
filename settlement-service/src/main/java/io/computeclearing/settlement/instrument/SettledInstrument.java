package io.computeclearing.settlement.instrument;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A contract month as clearing-service listed it: prices in {@code currency} per unit of the underlying on a grid of
 * {@code tickSize}, one contract is {@code contractUnit} units, and at expiry the final settlement price comes from
 * index {@code underlyingIndexId} by {@code finalSettlementRule}.
 */
@Entity
@Table(name = "settlement_instrument")
public class SettledInstrument extends PanacheEntityBase {

    @Id
    @Column(name = "instrument_id")
    public String instrumentId;

    public String family;

    @Column(name = "contract_month")
    public String contractMonth;

    @Column(name = "last_trading_day")
    public LocalDate lastTradingDay;

    public String currency;

    @Column(name = "tick_size")
    public BigDecimal tickSize;

    @Column(name = "contract_unit")
    public BigDecimal contractUnit;

    @Column(name = "underlying_index_id")
    public String underlyingIndexId;

    @Column(name = "final_settlement_rule")
    public String finalSettlementRule;

    public String status;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Whether the price is a whole number of ticks. */
    public boolean onTickGrid(BigDecimal price) {
        return price.remainder(tickSize).signum() == 0;
    }

    /**
     * The nearest price on the tick grid: {@code round(value / tick) x tick}, halves to the even tick (banker's
     * rounding, so that rounding is unbiased over many fixings). Used for derived and final settlement prices.
     */
    public BigDecimal roundToTick(BigDecimal value) {
        BigDecimal ticks = value.divide(tickSize, 0, RoundingMode.HALF_EVEN);
        return atTickScale(ticks.multiply(tickSize));
    }

    /** The price written at the tick's scale (prices are stored with more decimals than any tick needs). */
    public BigDecimal atTickScale(BigDecimal price) {
        return price.setScale(tickScale(), RoundingMode.UNNECESSARY);
    }

    private int tickScale() {
        return Math.max(0, tickSize.stripTrailingZeros().scale());
    }
}
