package io.computeclearing.margin.backtesting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A product family's margin backtest traffic light over one holding period, as risk-service last reported it: the
 * light it turned on {@code businessDate}, from {@code previousLight}, with that day's exceedances and observations in
 * the rolling window. risk-service reports changes only, so the light holds until the next report.
 */
@Entity
@Table(name = "backtest_family_light")
@IdClass(FamilyBacktestLight.Key.class)
public class FamilyBacktestLight extends PanacheEntityBase {

    /** Primary key: family and holding period. */
    public record Key(String family, int holdingDays) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "family")
    public String family;

    @Id
    @Column(name = "holding_days")
    public int holdingDays;

    @Column(nullable = false)
    public String light;

    @Column(name = "previous_light", nullable = false)
    public String previousLight;

    @Column(nullable = false)
    public int exceedances;

    @Column(nullable = false)
    public int observations;

    @Column(name = "business_date", nullable = false)
    public LocalDate businessDate;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** The family's lights, shortest holding period first; empty when risk-service has not reported the family. */
    public static List<FamilyBacktestLight> of(String family) {
        return FamilyBacktestLight.list("family = ?1 order by holdingDays", family);
    }
}
