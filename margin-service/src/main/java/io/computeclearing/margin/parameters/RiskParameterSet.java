package io.computeclearing.margin.parameters;

import io.computeclearing.platform.accounts.KnownAccount;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One version of the SPAN risk parameters of a product family (for example GH100). Every contract month of the family
 * is scanned over {@code |price| x priceScanFraction} (money per contract: times {@code contractUnit}), never less than
 * {@code priceScanFloor} per contract, with an extreme move of {@code extremeMoveMultiple} times that range of which
 * {@code extremeMoveCover} is covered; a spread between two months is charged {@code intraSpreadCharge} flat. Initial
 * margin = maintenance x the account type's ratio. Versions are never updated: a change is a new version effective from a date.
 */
@Entity
@Table(name = "risk_parameters")
public class RiskParameterSet extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String family;

    @Column(nullable = false)
    public int version;

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    /** ISO 4217 code of the family's prices and of its margin. */
    @Column(nullable = false)
    public String currency;

    @Column(name = "contract_unit", nullable = false)
    public BigDecimal contractUnit;

    @Column(name = "price_scan_fraction", nullable = false)
    public BigDecimal priceScanFraction;

    /**
     * The least price scan range in money per contract, whatever the price: margin must not collapse as a price nears
     * zero or turns negative. Zero: no floor (versions recorded before floors existed).
     */
    @Column(name = "price_scan_floor", nullable = false)
    public BigDecimal priceScanFloor = BigDecimal.ZERO;

    /** The price risk arrays are built at; a configured value until settlement prices reach this service. */
    @Column(name = "reference_price", nullable = false)
    public BigDecimal referencePrice;

    @Column(name = "extreme_move_multiple", nullable = false)
    public BigDecimal extremeMoveMultiple;

    @Column(name = "extreme_move_cover", nullable = false)
    public BigDecimal extremeMoveCover;

    @Column(name = "intra_spread_charge", nullable = false)
    public BigDecimal intraSpreadCharge;

    @Column(name = "ratio_house", nullable = false)
    public BigDecimal ratioHouse;

    @Column(name = "ratio_client_omnibus", nullable = false)
    public BigDecimal ratioClientOmnibus;

    @Column(name = "ratio_client_segregated", nullable = false)
    public BigDecimal ratioClientSegregated;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Price scan range per contract in money at the reference price. */
    public BigDecimal scanRangePerContract() {
        return priceScanRange(referencePrice).multiply(contractUnit);
    }

    /** The initial-to-maintenance ratio of an account type. */
    public BigDecimal ratio(KnownAccount.AccountType accountType) {
        return switch (accountType) {
            case HOUSE -> ratioHouse;
            case CLIENT_OMNIBUS -> ratioClientOmnibus;
            case CLIENT_SEGREGATED -> ratioClientSegregated;
        };
    }

    /**
     * The price scan range in price units at {@code price}: {@code |price| x priceScanFraction}, so the range follows
     * the market, but never less than the floor ({@code priceScanFloor / contractUnit}). Without a floor, a zero price
     * scans at the configured reference price instead (a zero range would carry no risk).
     */
    public BigDecimal priceScanRange(BigDecimal price) {
        if (priceScanFloor.signum() == 0) {
            return (price.signum() == 0 ? referencePrice : price.abs()).multiply(priceScanFraction);
        }
        return price.abs().multiply(priceScanFraction).max(floorInPriceUnits());
    }

    /** The floor in price units, exact: {@code priceScanFloor / contractUnit} (to 34 significant digits at worst). */
    private BigDecimal floorInPriceUnits() {
        try {
            return priceScanFloor.divide(contractUnit);
        } catch (ArithmeticException notTerminating) {
            return priceScanFloor.divide(contractUnit, MathContext.DECIMAL128);
        }
    }
}
