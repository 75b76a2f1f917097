package io.computeclearing.margin.requirement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The last margin requirement of an account in one currency, with the SPAN breakdown of each combined commodity
 * (scan risk, active scenario, the 16 scenario losses, intra-spread charge, maintenance and initial risk) as JSON,
 * and the same breakdown at scale 2 as {@code MarginRequirementCalculated} published it.
 */
@Entity
@Table(name = "account_margin")
@IdClass(AccountMargin.Key.class)
public class AccountMargin extends PanacheEntityBase {

    /** Primary key: account and currency. */
    public record Key(String accountId, String currency) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "account_id")
    public String accountId;

    @Id
    public String currency;

    @Column(name = "initial_margin", nullable = false)
    public BigDecimal initialMargin;

    @Column(name = "maintenance_margin", nullable = false)
    public BigDecimal maintenanceMargin;

    @Column(name = "calculated_at", nullable = false)
    public Instant calculatedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String breakdown;

    /** The breakdown as published: one {@code MarginEvents.CommodityCharge} per combined commodity, scale 2. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String charges;

    public static List<AccountMargin> ofAccount(String accountId) {
        return list("accountId = ?1 order by currency", accountId);
    }
}
