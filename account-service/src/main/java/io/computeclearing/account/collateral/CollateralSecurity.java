package io.computeclearing.account.collateral;

import io.computeclearing.account.valuation.SecurityType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A security (or gold) the CCP accepts as collateral, from the securities master the back office keeps. Its prices
 * are {@link SecurityPrice} versions. Type and currency are fixed once defined: holdings are valued by them.
 */
@Entity
@Table(name = "collateral_security")
public class CollateralSecurity extends PanacheEntityBase {

    /** Decimals a nominal may have: currency units (cents) for bonds, hundredths of an ounce for gold. */
    public static final int NOMINAL_DECIMALS = 2;

    /** For example an ISIN (US912797KX43) or XAU-LBMA for gold; never a bare currency code. */
    @Id
    public String id;

    @Column(nullable = false)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "asset_type", nullable = false)
    public SecurityType assetType;

    /** ISO 4217 currency of its price. */
    @Column(nullable = false)
    public String currency;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
