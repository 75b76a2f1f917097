package io.computeclearing.margin.parameters;

import io.computeclearing.platform.problem.Problem;
import io.computeclearing.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The inter-commodity spreads in force and their revisions. The whole set is one version; the version in force on a
 * date is the one with the latest {@code effectiveFrom} not after it (the highest version on ties). Only families in
 * one currency can be spread: margin is computed per currency without conversion, so a credit across currencies would
 * net risks that are never added up.
 */
@ApplicationScoped
@Transactional
public class InterSpreads {

    /** The method every version uses: CME's delta-weighted price risk (the one a SPAN file carries). */
    public static final String DELTA_WEIGHTED_PRICE_RISK = "DELTA_WEIGHTED_PRICE_RISK";
    private static final Pattern FAMILY = Pattern.compile("[A-Z0-9]{2,16}");
    private static final int STORED_DECIMALS = 6;
    private static final BigDecimal MAX_DELTA_RATIO = new BigDecimal("1000000000000");

    private final EntityManager em;
    private final RiskParameters parameters;
    private final Event<InterSpreadsRevised> revisions;
    private final Clock clock;

    public InterSpreads(EntityManager em, RiskParameters parameters, Event<InterSpreadsRevised> revisions,
                        Clock clock) {
        this.em = em;
        this.parameters = parameters;
        this.revisions = revisions;
        this.clock = clock;
    }

    /** A recorded version, and whether this request created it (false: the same set was already in force). */
    public record Revision(InterSpreadSet set, boolean created) {
    }

    /** The set in force on the date; none before the first version. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<InterSpreadSet> inForce(LocalDate date) {
        List<?> versions = em.createNativeQuery("""
                        select version from inter_spread_set where effective_from <= :date
                        order by effective_from desc, version desc limit 1""")
                .setParameter("date", date).getResultList();
        return versions.isEmpty() ? Optional.empty() : Optional.of(version(((Number) versions.getFirst()).intValue()));
    }

    /** One recorded version. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public InterSpreadSet version(int version) {
        Object[] head = (Object[]) em.createNativeQuery("""
                        select effective_from, method, created_by, created_at from inter_spread_set
                        where version = :v""")
                .setParameter("v", version).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select s.priority, s.credit_rate, l.family, l.delta_ratio, l.side
                        from inter_spread s join inter_spread_leg l on l.version = s.version and l.priority = s.priority
                        where s.version = :v order by s.priority, l.leg""")
                .setParameter("v", version).getResultList();
        Map<Integer, InterSpreadDefinition> spreads = new LinkedHashMap<>();
        for (Object[] row : rows) {
            int priority = ((Number) row[0]).intValue();
            spreads.computeIfAbsent(priority, p -> new InterSpreadDefinition(p, (BigDecimal) row[1], new ArrayList<>()))
                    .legs().add(new InterSpreadLeg((String) row[2], (BigDecimal) row[3], String.valueOf(row[4])));
        }
        return new InterSpreadSet(version, localDate(head[0]), (String) head[1], (String) head[2], instant(head[3]),
                spreads.values().stream().map(s -> new InterSpreadDefinition(s.priority(), s.creditRate(),
                        List.copyOf(s.legs()))).toList());
    }

    /**
     * Records a new version of the whole set, effective from its date (today if absent, never in the past: margin
     * already called stays explained by the spreads it was computed with). Every family must have parameters in force
     * on that date, and the legs of a spread one currency (else 422, nothing written). When the set in force on that
     * date is already the same, nothing is recorded. Fires {@link InterSpreadsRevised}
     * in this transaction: a version effective today re-margins the accounts holding its families before it commits.
     */
    public Revision revise(NewInterSpreads request, String user, LocalDate today) {
        if (request == null) {
            throw ProblemException.invalid("body", "the new inter-commodity spreads are required");
        }
        LocalDate effectiveFrom = request.effectiveFrom() == null ? today : request.effectiveFrom();
        String method = request.method() == null ? DELTA_WEIGHTED_PRICE_RISK : request.method();
        validate(request, method, effectiveFrom, today);
        List<InterSpreadDefinition> spreads = request.spreads().stream()
                .sorted(Comparator.comparing(InterSpreadDefinition::priority)).toList();
        sameCurrency(spreads, effectiveFrom);

        // A version equal to the one in force on its date would change no date's spreads (a later-dated version
        // still wins from its own date on), so a repeated request records nothing.
        // The lock comes first so that simultaneous identical requests see each other's version: one 201, then 200s.
        em.createNativeQuery("lock table inter_spread_set in exclusive mode").executeUpdate();
        Optional<InterSpreadSet> current = inForce(effectiveFrom);
        if (current.isPresent() && canonical(current.get().spreads()).equals(canonical(spreads))) {
            return new Revision(current.get(), false);
        }
        int version = ((Number) em.createNativeQuery("select coalesce(max(version), 0) + 1 from inter_spread_set")
                .getSingleResult()).intValue();
        em.createNativeQuery("""
                        insert into inter_spread_set (version, effective_from, method, created_by, created_at)
                        values (:v, :from, :method, :user, :at)""")
                .setParameter("v", version).setParameter("from", effectiveFrom).setParameter("method", method)
                .setParameter("user", user).setParameter("at", Timestamp.from(clock.instant())).executeUpdate();
        for (InterSpreadDefinition spread : spreads) {
            em.createNativeQuery("insert into inter_spread (version, priority, credit_rate) values (:v, :p, :rate)")
                    .setParameter("v", version).setParameter("p", spread.priority())
                    .setParameter("rate", spread.creditRate()).executeUpdate();
            for (int i = 0; i < spread.legs().size(); i++) {
                InterSpreadLeg leg = spread.legs().get(i);
                em.createNativeQuery("""
                                insert into inter_spread_leg (version, priority, leg, family, delta_ratio, side)
                                values (:v, :p, :leg, :family, :ratio, :side)""")
                        .setParameter("v", version).setParameter("p", spread.priority()).setParameter("leg", i + 1)
                        .setParameter("family", leg.family()).setParameter("ratio", leg.deltaRatio())
                        .setParameter("side", leg.side()).executeUpdate();
            }
        }
        revisions.fire(new InterSpreadsRevised(version, effectiveFrom));
        return new Revision(version(version), true);
    }

    private static void validate(NewInterSpreads r, String method, LocalDate effectiveFrom, LocalDate today) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (effectiveFrom.isBefore(today)) {
            violations.add(new Problem.Violation("effectiveFrom", "must be today (" + today + ") or later"));
        }
        if (!DELTA_WEIGHTED_PRICE_RISK.equals(method)) {
            violations.add(new Problem.Violation("method", "must be DELTA_WEIGHTED_PRICE_RISK (CME's standard, "
                    + "the method a SPAN file carries)"));
        }
        if (r.spreads() == null) {
            violations.add(new Problem.Violation("spreads", "the list of spreads is required (empty for none)"));
        } else {
            Set<Integer> priorities = new HashSet<>();
            for (int i = 0; i < r.spreads().size(); i++) {
                spread(violations, "spreads[" + i + "]", r.spreads().get(i), priorities);
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("The inter-commodity spreads were not changed: " + violations.size()
                    + " field(s) are invalid.", violations);
        }
    }

    private static void spread(List<Problem.Violation> violations, String at, InterSpreadDefinition s,
                               Set<Integer> priorities) {
        if (s == null) {
            violations.add(new Problem.Violation(at, "a spread is required"));
            return;
        }
        if (s.priority() == null || s.priority() < 1) {
            violations.add(new Problem.Violation(at + ".priority", "must be 1 or more"));
        } else if (!priorities.add(s.priority())) {
            violations.add(new Problem.Violation(at + ".priority", "priority " + s.priority() + " is used twice"));
        }
        if (s.creditRate() == null || s.creditRate().signum() < 0 || s.creditRate().compareTo(BigDecimal.ONE) > 0) {
            violations.add(new Problem.Violation(at + ".creditRate", "must be a fraction within 0 and 1, e.g. 0.50"));
        } else {
            decimals(violations, at + ".creditRate", s.creditRate());
        }
        if (s.legs() == null || s.legs().size() < 2) {
            violations.add(new Problem.Violation(at + ".legs", "a spread needs at least two legs"));
            return;
        }
        Set<String> families = new HashSet<>();
        Set<String> sides = new HashSet<>();
        for (int j = 0; j < s.legs().size(); j++) {
            String legAt = at + ".legs[" + j + "]";
            InterSpreadLeg leg = s.legs().get(j);
            if (leg == null) {
                violations.add(new Problem.Violation(legAt, "a leg is required"));
                continue;
            }
            if (leg.family() == null || !FAMILY.matcher(leg.family()).matches()) {
                violations.add(new Problem.Violation(legAt + ".family",
                        "must be 2 to 16 upper-case letters or digits"));
            } else if (!families.add(leg.family())) {
                violations.add(new Problem.Violation(legAt + ".family", leg.family() + " is in this spread twice"));
            }
            if (leg.deltaRatio() == null || leg.deltaRatio().signum() <= 0) {
                violations.add(new Problem.Violation(legAt + ".deltaRatio", "must be greater than zero"));
            } else {
                decimals(violations, legAt + ".deltaRatio", leg.deltaRatio());
                if (leg.deltaRatio().compareTo(MAX_DELTA_RATIO) >= 0) {
                    // numeric(18,6): 12 digits before the point
                    violations.add(new Problem.Violation(legAt + ".deltaRatio", "must be less than "
                            + MAX_DELTA_RATIO.toPlainString()));
                }
            }
            if (!"A".equals(leg.side()) && !"B".equals(leg.side())) {
                violations.add(new Problem.Violation(legAt + ".side", "must be A or B"));
            } else {
                sides.add(leg.side());
            }
        }
        if (sides.size() == 1) {
            violations.add(new Problem.Violation(at + ".legs", "a spread needs legs on side A and on side B"));
        }
    }

    private static void decimals(List<Problem.Violation> violations, String field, BigDecimal value) {
        if (value.stripTrailingZeros().scale() > STORED_DECIMALS) {
            violations.add(new Problem.Violation(field, "at most " + STORED_DECIMALS + " decimals"));
        }
    }

    /** 422 unless every leg's family has parameters in force on the date and each spread's legs share a currency. */
    private void sameCurrency(List<InterSpreadDefinition> spreads, LocalDate effectiveFrom) {
        Map<String, RiskParameterSet> inForce = parameters.inForce(effectiveFrom);
        for (InterSpreadDefinition spread : spreads) {
            Set<String> unknown = spread.legs().stream().map(InterSpreadLeg::family)
                    .filter(f -> !inForce.containsKey(f)).collect(Collectors.toCollection(TreeSet::new));
            if (!unknown.isEmpty()) {
                throw ProblemException.refused("inter-spread-unknown-family", "Unknown product family",
                        "The inter-commodity spreads were not changed: spread priority " + spread.priority()
                                + " names " + unknown + ", which have no risk parameters in force on "
                                + effectiveFrom + ". Create the family's parameters first.");
            }
            Map<String, String> currencies = new LinkedHashMap<>();
            spread.legs().forEach(l -> currencies.put(l.family(), inForce.get(l.family()).currency));
            if (currencies.values().stream().distinct().count() > 1) {
                throw ProblemException.refused("inter-spread-currencies", "Spread across currencies",
                        "The inter-commodity spreads were not changed: spread priority " + spread.priority()
                                + " joins families in different currencies " + currencies + ". Margin is computed "
                                + "per currency without conversion, so only families in one currency can be spread.");
            }
        }
    }

    /** The spreads in a form equal for equal sets (amounts compared by value, not scale). */
    private static List<String> canonical(List<InterSpreadDefinition> spreads) {
        return spreads.stream().sorted(Comparator.comparing(InterSpreadDefinition::priority))
                .map(s -> s.priority() + "@" + s.creditRate().stripTrailingZeros().toPlainString() + ":"
                        + s.legs().stream().map(l -> l.family() + "/" + l.deltaRatio().stripTrailingZeros()
                                .toPlainString() + "/" + l.side()).collect(Collectors.joining(",")))
                .toList();
    }

    private static LocalDate localDate(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return (Instant) value;
    }
}
