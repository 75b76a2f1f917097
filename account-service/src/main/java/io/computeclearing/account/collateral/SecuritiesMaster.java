package io.computeclearing.account.collateral;

import io.computeclearing.account.valuation.SecurityType;
import io.computeclearing.platform.persistence.KeyLock;
import io.computeclearing.platform.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The securities master: which securities count as collateral, with their price history. Defining a security again
 * records a new price version; its type and currency cannot change once defined.
 */
@ApplicationScoped
@Transactional
public class SecuritiesMaster {

    /** A security with its latest price and the haircut its type carries. */
    public record PricedSecurity(String id, String description, SecurityType assetType, String currency,
                                 BigDecimal price, Instant priceAsOf, BigDecimal haircut) {
    }

    /** The result of a definition: {@code created} is false when the security already existed. */
    public record Definition(PricedSecurity security, boolean created) {
    }

    private final CollateralPolicy policy;
    private final Clock clock;

    public SecuritiesMaster(CollateralPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** Creates or updates the security and records {@code price} as of {@code asOf} (now when null). */
    public Definition define(String id, String description, SecurityType type, String currency, BigDecimal price,
                             Instant asOf, String recordedBy) {
        policy.requireCurrency("currency", currency);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // Simultaneous definitions of a new id take turns: the first creates it, the others add price versions.
        KeyLock.hold(CollateralSecurity.getEntityManager(), "collateral_security", id);
        CollateralSecurity security = CollateralSecurity.findById(id, LockModeType.PESSIMISTIC_WRITE);
        boolean created = security == null;
        if (created) {
            security = new CollateralSecurity();
            security.id = id;
            security.assetType = type;
            security.currency = currency;
            security.createdAt = now;
        } else if (security.assetType != type || !security.currency.equals(currency)) {
            throw ProblemException.conflict("security-terms-fixed", "Security terms cannot change",
                    "security '" + id + "' is a " + security.assetType + " in " + security.currency
                            + "; its type and currency are fixed because holdings are valued by them");
        }
        security.description = description;
        security.updatedAt = now;
        if (created) {
            security.persist();
        }
        SecurityPrice version = new SecurityPrice();
        version.securityId = id;
        version.price = price;
        version.asOf = asOf == null ? now : asOf.truncatedTo(ChronoUnit.MICROS);
        version.recordedBy = recordedBy;
        version.recordedAt = now;
        version.persist();
        return new Definition(priced(security), created);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PricedSecurity get(String id) {
        return priced(require(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PricedSecurity> list() {
        return CollateralSecurity.<CollateralSecurity>listAll(Sort.by("id")).stream().map(this::priced).toList();
    }

    /** Every price version, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SecurityPrice> prices(String id) {
        require(id);
        return SecurityPrice.history(id);
    }

    /** 422 unless the security is in the master. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CollateralSecurity requireAccepted(String id) {
        CollateralSecurity security = CollateralSecurity.findById(id);
        if (security == null) {
            throw ProblemException.refused("unknown-security", "Security not accepted",
                    "security '" + id + "' is not in the securities master; the back office must define it first");
        }
        return security;
    }

    private CollateralSecurity require(String id) {
        CollateralSecurity security = CollateralSecurity.findById(id);
        if (security == null) {
            throw ProblemException.notFound("security", id);
        }
        return security;
    }

    private PricedSecurity priced(CollateralSecurity security) {
        SecurityPrice latest = SecurityPrice.latest(security.id).orElse(null);
        return new PricedSecurity(security.id, security.description, security.assetType, security.currency,
                latest == null ? null : latest.price, latest == null ? null : latest.asOf,
                policy.haircuts().of(security.assetType));
    }
}
