package io.computeclearing.risk.scenario;

import io.computeclearing.platform.persistence.KeyLock;
import io.computeclearing.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The scenarios, each a series of versions: the latest version of a scenario is the one in force, earlier versions
 * stay readable (a stress run names the version it applied).
 */
@ApplicationScoped
public class Scenarios {

    private final EntityManager em;
    private final Clock clock;

    public Scenarios(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Records version 1 of a new scenario; 409 if the id is taken. */
    @Transactional
    public Scenario create(NewScenario scenario, String by) {
        if (scenario.scenarioId() == null) {
            throw ProblemException.invalid("scenarioId", "a new scenario needs its id");
        }
        ScenarioRules.check(scenario, families());
        KeyLock.hold(em, "stress_scenario", scenario.scenarioId());
        if (latestVersion(scenario.scenarioId()) > 0) {
            throw ProblemException.conflict("scenario-exists", "Scenario exists",
                    "scenario " + scenario.scenarioId() + " exists: PUT /scenarios/" + scenario.scenarioId()
                            + " records a new version");
        }
        return record(scenario.scenarioId(), 1, scenario, by);
    }

    /** Records the next version of an existing scenario; 404 if there is none. */
    @Transactional
    public Scenario revise(String scenarioId, NewScenario scenario, String by) {
        if (scenario.scenarioId() != null && !scenario.scenarioId().equals(scenarioId)) {
            throw ProblemException.invalid("scenarioId", "must be the scenario of the path, " + scenarioId);
        }
        ScenarioRules.check(scenario, families());
        KeyLock.hold(em, "stress_scenario", scenarioId);
        int latest = latestVersion(scenarioId);
        if (latest == 0) {
            throw ProblemException.notFound("scenario", scenarioId);
        }
        return record(scenarioId, latest + 1, scenario, by);
    }

    private Scenario record(String id, int version, NewScenario scenario, String by) {
        Instant at = clock.instant();
        boolean historical = scenario.kind() == ScenarioKind.HISTORICAL;
        em.createNativeQuery("""
                        insert into stress_scenario (scenario_id, version, name, kind, active, fx_shock, direction,
                                                     holding_days, created_by, created_at)
                        values (:id, :version, :name, :kind, :active, :fx, :direction, :days, :by, :at)""")
                .setParameter("id", id).setParameter("version", version).setParameter("name", scenario.name())
                .setParameter("kind", scenario.kind().name())
                .setParameter("active", scenario.active() == null || scenario.active())
                .setParameter("fx", scenario.fxShock())
                .setParameter("direction", historical ? scenario.direction().name() : null)
                .setParameter("days", historical ? (scenario.holdingDays() == null ? 2 : scenario.holdingDays()) : null)
                .setParameter("by", by).setParameter("at", at)
                .executeUpdate();
        for (NewShock shock : scenario.shocksOrNone()) {
            em.createNativeQuery("""
                            insert into stress_scenario_shock (scenario_id, version, family, contract_month, kind,
                                                               value)
                            values (:id, :version, :family, :month, :kind, :value)""")
                    .setParameter("id", id).setParameter("version", version).setParameter("family", shock.family())
                    .setParameter("month", shock.contractMonth()).setParameter("kind", shock.kind().name())
                    .setParameter("value", shock.value())
                    .executeUpdate();
        }
        return version(id, version).orElseThrow();
    }

    /** The latest version of every scenario, by id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Scenario> latest() {
        return read("""
                select s.scenario_id, s.version from stress_scenario s
                where s.version = (select max(version) from stress_scenario l where l.scenario_id = s.scenario_id)
                order by s.scenario_id""", Map.of());
    }

    /** The scenarios a stress run applies: the latest version of each, unless that version retired it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Scenario> inForce() {
        return latest().stream().filter(Scenario::active).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Scenario> latest(String scenarioId) {
        int version = latestVersion(scenarioId);
        return version == 0 ? Optional.empty() : version(scenarioId, version);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Scenario> version(String scenarioId, int version) {
        return read("select scenario_id, version from stress_scenario where scenario_id = :id and version = :version",
                Map.of("id", scenarioId, "version", version)).stream().findFirst();
    }

    /** Every version of a scenario, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Scenario> versions(String scenarioId) {
        return read("select scenario_id, version from stress_scenario where scenario_id = :id order by version",
                Map.of("id", scenarioId));
    }

    /** The product families some listed instrument belongs to. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> families() {
        @SuppressWarnings("unchecked")
        List<String> families = em.createNativeQuery("select distinct family from risk_instrument").getResultList();
        return new HashSet<>(families);
    }

    private int latestVersion(String scenarioId) {
        Number version = (Number) em.createNativeQuery(
                        "select coalesce(max(version), 0) from stress_scenario where scenario_id = :id")
                .setParameter("id", scenarioId).getSingleResult();
        return version.intValue();
    }

    @SuppressWarnings("unchecked")
    private List<Scenario> read(String keysSql, Map<String, Object> parameters) {
        var keys = em.createNativeQuery(keysSql);
        parameters.forEach(keys::setParameter);
        List<Object[]> wanted = keys.getResultList();
        if (wanted.isEmpty()) {
            return List.of();
        }
        Map<String, Scenario> byKey = new LinkedHashMap<>();
        for (Object[] key : wanted) {
            Object[] s = (Object[]) em.createNativeQuery("""
                            select name, kind, active, fx_shock, direction, holding_days, created_by, created_at
                            from stress_scenario where scenario_id = :id and version = :version""")
                    .setParameter("id", key[0]).setParameter("version", key[1]).getSingleResult();
            List<Object[]> shockRows = em.createNativeQuery("""
                            select family, contract_month, kind, value from stress_scenario_shock
                            where scenario_id = :id and version = :version
                            order by family, contract_month nulls first""")
                    .setParameter("id", key[0]).setParameter("version", key[1]).getResultList();
            List<Scenario.Shock> shocks = new ArrayList<>();
            for (Object[] r : shockRows) {
                shocks.add(new Scenario.Shock((String) r[0], (String) r[1], ShockKind.valueOf((String) r[2]),
                        ((BigDecimal) r[3]).stripTrailingZeros()));
            }
            byKey.put(key[0] + ":" + key[1], new Scenario((String) key[0], ((Number) key[1]).intValue(),
                    (String) s[0], ScenarioKind.valueOf((String) s[1]), (Boolean) s[2],
                    List.copyOf(shocks), s[3] == null ? null : ((BigDecimal) s[3]).stripTrailingZeros(),
                    s[4] == null ? null : Direction.valueOf((String) s[4]),
                    s[5] == null ? null : ((Number) s[5]).intValue(), (String) s[6], instant(s[7])));
        }
        return List.copyOf(byKey.values());
    }

    static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case java.sql.Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("not a timestamp: " + value);
        };
    }
}
