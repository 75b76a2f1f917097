package io.computeclearing.margin.parameters;

import io.computeclearing.platform.bounds.DecimalValidator;
import io.computeclearing.platform.persistence.KeyLock;
import io.computeclearing.platform.problem.Problem;
import io.computeclearing.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The risk parameters in force and their revisions. The version in force for a family on a date is the one with the
 * latest {@code effectiveFrom} not after that date (the highest version on ties).
 */
@ApplicationScoped
@Transactional
public class RiskParameters {

    private static final Pattern FAMILY = Pattern.compile("[A-Z0-9]{2,16}");

    private final Event<RiskParametersRevised> revisions;
    private final Clock clock;

    public RiskParameters(Event<RiskParametersRevised> revisions, Clock clock) {
        this.revisions = revisions;
        this.clock = clock;
    }

    /** Every family's parameters in force on the date, by family symbol. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, RiskParameterSet> inForce(LocalDate date) {
        Map<String, RiskParameterSet> byFamily = new LinkedHashMap<>();
        RiskParameterSet.<RiskParameterSet>find(
                        "effectiveFrom <= ?1 order by family, effectiveFrom desc, version desc", date)
                .stream().forEach(p -> byFamily.putIfAbsent(p.family, p));
        return byFamily;
    }

    /** One family's parameters in force on the date. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<RiskParameterSet> inForce(String family, LocalDate date) {
        return RiskParameterSet.find("family = ?1 and effectiveFrom <= ?2 order by effectiveFrom desc, version desc",
                family, date).firstResultOptional();
    }

    /**
     * Records a new version of a family's parameters. The effective date may not lie in the past: margin already
     * called stays explained by the parameters it was computed with. Fires {@link RiskParametersRevised} in this
     * transaction: a version effective today re-margins the family's accounts before the transaction commits.
     */
    public RiskParameterSet revise(String family, NewRiskParameters request, String user, LocalDate today) {
        LocalDate effectiveFrom = request.effectiveFrom() == null ? today : request.effectiveFrom();
        validate(family, request, effectiveFrom, today);
        // Simultaneous revisions of one family take turns, each numbered after the last, as sequential ones are.
        KeyLock.hold(RiskParameterSet.getEntityManager(), "risk_parameter_set", family);
        RiskParameterSet latest = RiskParameterSet.<RiskParameterSet>find("family = ?1 order by version desc", family)
                .firstResult();
        RiskParameterSet p = new RiskParameterSet();
        p.family = family;
        p.version = latest == null ? 1 : latest.version + 1;
        p.effectiveFrom = effectiveFrom;
        p.currency = request.currency();
        p.contractUnit = request.contractUnit();
        p.priceScanFraction = request.priceScanFraction();
        p.referencePrice = request.referencePrice();
        p.extremeMoveMultiple = request.extremeMoveMultiple();
        p.extremeMoveCover = request.extremeMoveCover();
        p.intraSpreadCharge = request.intraSpreadCharge();
        p.ratioHouse = request.ratioHouse();
        p.ratioClientOmnibus = request.ratioClientOmnibus();
        p.ratioClientSegregated = request.ratioClientSegregated();
        p.priceScanFloor = request.priceScanFloor() != null ? request.priceScanFloor()
                : latest != null ? latest.priceScanFloor : BigDecimal.ZERO;
        p.createdBy = user;
        p.createdAt = clock.instant();
        p.persist();
        revisions.fire(new RiskParametersRevised(family, p.version, effectiveFrom));
        return p;
    }

    private static void validate(String family, NewRiskParameters r, LocalDate effectiveFrom, LocalDate today) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (!FAMILY.matcher(family).matches()) {
            violations.add(new Problem.Violation("family", "must be 2 to 16 upper-case letters or digits"));
        }
        if (effectiveFrom.isBefore(today)) {
            violations.add(new Problem.Violation("effectiveFrom", "must be today (" + today + ") or later"));
        }
        if (r.currency() == null || !r.currency().matches("[A-Z]{3}") || !isIsoCurrency(r.currency())) {
            violations.add(new Problem.Violation("currency", "must be an ISO 4217 code such as USD"));
        }
        positive(violations, "contractUnit", r.contractUnit());
        positive(violations, "priceScanFraction", r.priceScanFraction());
        positive(violations, "referencePrice", r.referencePrice());
        positive(violations, "extremeMoveMultiple", r.extremeMoveMultiple());
        positive(violations, "extremeMoveCover", r.extremeMoveCover());
        if (r.extremeMoveCover() != null && r.extremeMoveCover().compareTo(BigDecimal.ONE) > 0) {
            violations.add(new Problem.Violation("extremeMoveCover", "must be at most 1"));
        }
        if (r.intraSpreadCharge() == null || r.intraSpreadCharge().signum() < 0) {
            violations.add(new Problem.Violation("intraSpreadCharge", "must be zero or more"));
        }
        if (r.priceScanFloor() != null && r.priceScanFloor().signum() < 0) {
            violations.add(new Problem.Violation("priceScanFloor", "must be zero or more (money per contract)"));
        }
        ratio(violations, "ratioHouse", r.ratioHouse());
        ratio(violations, "ratioClientOmnibus", r.ratioClientOmnibus());
        ratio(violations, "ratioClientSegregated", r.ratioClientSegregated());
        // what the columns store exactly: a value with more digits is refused, never rounded
        fits(violations, "contractUnit", r.contractUnit(), 14, 4);
        fits(violations, "priceScanFraction", r.priceScanFraction(), 3, 6);
        fits(violations, "referencePrice", r.referencePrice(), 12, 6);
        fits(violations, "extremeMoveMultiple", r.extremeMoveMultiple(), 5, 4);
        fits(violations, "extremeMoveCover", r.extremeMoveCover(), 5, 4);
        fits(violations, "intraSpreadCharge", r.intraSpreadCharge(), 16, 2);
        fits(violations, "priceScanFloor", r.priceScanFloor(), 14, 2);
        fits(violations, "ratioHouse", r.ratioHouse(), 5, 4);
        fits(violations, "ratioClientOmnibus", r.ratioClientOmnibus(), 5, 4);
        fits(violations, "ratioClientSegregated", r.ratioClientSegregated(), 5, 4);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("The risk parameters of " + family + " were not changed: "
                    + violations.size() + " field(s) are invalid.", violations);
        }
    }

    private static boolean isIsoCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void positive(List<Problem.Violation> violations, String field, BigDecimal value) {
        if (value == null || value.signum() <= 0) {
            violations.add(new Problem.Violation(field, "must be greater than zero"));
        }
    }

    private static void fits(List<Problem.Violation> violations, String field, BigDecimal value, int integer,
                             int fraction) {
        if (value != null && !DecimalValidator.fits(value, integer, fraction)) {
            violations.add(new Problem.Violation(field, "must have at most " + integer
                    + " digits before the decimal point and " + fraction + " after it"));
        }
    }

    private static void ratio(List<Problem.Violation> violations, String field, BigDecimal value) {
        if (value == null || value.compareTo(BigDecimal.ONE) < 0) {
            violations.add(new Problem.Violation(field, "must be at least 1 (initial is never below maintenance)"));
        }
    }
}
