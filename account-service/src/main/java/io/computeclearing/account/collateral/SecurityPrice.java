package io.computeclearing.account.collateral;

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
 * A security's price as of a time, per 100 nominal (bond convention: 98.50 means 98.5% of face value; for gold, per
 * 100 fine troy ounces). Prices are kept as history; the one with the latest {@code asOf} counts.
 */
@Entity
@Table(name = "security_price")
@Immutable
public class SecurityPrice extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "security_id", nullable = false)
    public String securityId;

    @Column(nullable = false)
    public BigDecimal price;

    @Column(name = "as_of", nullable = false)
    public Instant asOf;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    private static final Sort NEWEST_FIRST = Sort.descending("asOf", "id");

    public static Optional<SecurityPrice> latest(String securityId) {
        return find("securityId", NEWEST_FIRST, securityId).firstResultOptional();
    }

    public static List<SecurityPrice> history(String securityId) {
        return list("securityId", NEWEST_FIRST, securityId);
    }
}
