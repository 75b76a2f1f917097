package io.computeclearing.clearing.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;

/**
 * One contract month of a family, for example {@code GH100-202701}: the January 2027 GPU-hour future. It trades until
 * its last trading day and then expires into final settlement.
 */
@Entity
@Table(name = "instrument")
public class Instrument extends PanacheEntityBase {

    /**
     * ACTIVE before its last trading day, EXPIRING on it (still trades), EXPIRED after it (no new trades), SETTLED
     * once final settlement closed every position in it (final: the calendar no longer moves it).
     */
    public enum Status { ACTIVE, EXPIRING, EXPIRED, SETTLED }

    private static final DateTimeFormatter MONTH_CODE = DateTimeFormatter.ofPattern("yyyyMM");

    @Id
    public String id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "family_symbol")
    public ContractFamily family;

    /** First day of the contract month. */
    @Column(name = "contract_month", nullable = false)
    public LocalDate contractMonth;

    @Column(name = "last_trading_day", nullable = false)
    public LocalDate lastTradingDay;

    /** Status as of the latest listing roll; {@link #statusOn} gives it for any day. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "listed_at", nullable = false)
    public Instant listedAt;

    /** When its InstrumentListed event was recorded; null until it is announced. */
    @Column(name = "announced_at")
    public Instant announcedAt;

    /** {@code SYMBOL-YYYYMM}. */
    public static String idOf(String symbol, YearMonth month) {
        return symbol + "-" + month.format(MONTH_CODE);
    }

    public static Status statusOn(LocalDate lastTradingDay, LocalDate day) {
        int order = day.compareTo(lastTradingDay);
        return order < 0 ? Status.ACTIVE : order == 0 ? Status.EXPIRING : Status.EXPIRED;
    }

    public Status statusOn(LocalDate day) {
        return statusOn(lastTradingDay, day);
    }

    /** Settled instruments are done: neither the calendar nor a roll changes their status again. */
    public boolean settled() {
        return status == Status.SETTLED;
    }

    public YearMonth month() {
        return YearMonth.from(contractMonth);
    }
}
