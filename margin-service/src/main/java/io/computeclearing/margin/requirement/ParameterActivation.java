package io.computeclearing.margin.requirement;

import io.computeclearing.margin.parameters.InterSpreads;
import io.computeclearing.margin.parameters.InterSpreadsRevised;
import io.computeclearing.margin.parameters.RiskParametersRevised;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeSet;

/**
 * Re-margins a family's accounts when a new version of its risk parameters takes effect. A version effective today
 * does so in the transaction that records it; a future-dated one when a scheduled check (every
 * {@code ccp.margin.parameter-activation.every}, by default a minute) finds its date arrived. Each version is applied
 * once: {@code risk_parameters_applied} remembers it, and the check re-margins each family once however many of its
 * versions became due together.
 * <p>
 * A version of the inter-commodity spreads takes effect the same way ({@code inter_spread_applied}): the accounts
 * holding any family named in it or in the version it replaces are re-margined, since their credits may change.
 */
@ApplicationScoped
public class ParameterActivation {

    private static final Logger LOG = Logger.getLogger(ParameterActivation.class);

    private final MarginCalculation margin;
    private final InterSpreads interSpreads;
    private final EntityManager em;
    private final Clock clock;

    public ParameterActivation(MarginCalculation margin, InterSpreads interSpreads, EntityManager em, Clock clock) {
        this.margin = margin;
        this.interSpreads = interSpreads;
        this.em = em;
        this.clock = clock;
    }

    /** Runs in the transaction that recorded the version. */
    void onRevised(@Observes RiskParametersRevised revised) {
        LocalDate today = today();
        if (!revised.effectiveFrom().isAfter(today)) {
            applyDue(today);
        }
    }

    /** Runs in the transaction that recorded the inter-commodity spread version. */
    void onInterSpreadsRevised(@Observes InterSpreadsRevised revised) {
        LocalDate today = today();
        if (!revised.effectiveFrom().isAfter(today)) {
            applyDue(today);
        }
    }

    @Scheduled(every = "${ccp.margin.parameter-activation.every:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledCheck() {
        QuarkusTransaction.requiringNew().run(() -> applyDue(today()));
    }

    /**
     * Applies every version effective on or before {@code date} and not yet applied: re-margins the accounts holding
     * its family (for a spread version: the families of its legs and of the version before it) with the parameters in
     * force on that date. Returns the number of accounts re-margined.
     */
    @Transactional
    public int applyDue(LocalDate date) {
        em.flush();
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("""
                        select p.family, p.version from risk_parameters p
                        where p.effective_from <= :date and not exists (select 1 from risk_parameters_applied a
                              where a.family = p.family and a.version = p.version)
                        order by p.family, p.version""")
                .setParameter("date", date).getResultList();
        TreeSet<String> families = new TreeSet<>();
        for (Object[] row : due) {
            families.add((String) row[0]);
            em.createNativeQuery("""
                            insert into risk_parameters_applied (family, version, applied_at) values (:f, :v, :at)
                            on conflict do nothing""")
                    .setParameter("f", row[0]).setParameter("v", ((Number) row[1]).intValue())
                    .setParameter("at", now()).executeUpdate();
        }
        families.addAll(dueInterSpreadFamilies(date));
        TreeSet<String> accounts = new TreeSet<>();
        families.forEach(family -> accounts.addAll(margin.holdersOfFamily(family)));
        int count = margin.recomputeAll(accounts, date);
        if (!families.isEmpty()) {
            LOG.infof("risk parameters of %s in force on %s: %d account(s) re-margined", families, date, count);
        }
        return count;
    }

    /**
     * Marks the spread versions effective by the date applied; returns the families of their legs and of the versions
     * they replace (the latest earlier version effective no later).
     */
    private TreeSet<String> dueInterSpreadFamilies(LocalDate date) {
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("""
                        select s.version, (select max(p.version) from inter_spread_set p
                                           where p.version < s.version and p.effective_from <= s.effective_from)
                        from inter_spread_set s
                        where s.effective_from <= :date and not exists (select 1 from inter_spread_applied a
                              where a.version = s.version)
                        order by s.version""")
                .setParameter("date", date).getResultList();
        TreeSet<String> families = new TreeSet<>();
        for (Object[] row : due) {
            int version = ((Number) row[0]).intValue();
            families.addAll(interSpreads.version(version).families());
            if (row[1] != null) {
                families.addAll(interSpreads.version(((Number) row[1]).intValue()).families());
            }
            em.createNativeQuery("""
                            insert into inter_spread_applied (version, applied_at) values (:v, :at)
                            on conflict do nothing""")
                    .setParameter("v", version).setParameter("at", now()).executeUpdate();
        }
        return families;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
