package io.computeclearing.risk.defaultfund;

import io.computeclearing.platform.events.risk.RiskEvents;
import io.computeclearing.platform.events.risk.RiskEvents.DefaultFundContributionRequired;
import io.computeclearing.platform.events.risk.RiskEvents.DefaultFundSized;
import io.computeclearing.platform.outbox.Outbox;
import io.computeclearing.platform.persistence.KeyLock;
import io.computeclearing.risk.defaultfund.SizingPeriod.Run;
import io.computeclearing.risk.fund.Contribution;
import io.computeclearing.risk.fund.ContributionAllocation;
import io.computeclearing.risk.fund.DefaultFundSizing;
import io.computeclearing.risk.fund.FundAllocation;
import io.computeclearing.risk.fund.FundSize;
import io.computeclearing.risk.fund.MemberRiskMeasure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Sizes the default fund over the daily stress runs of the period up to an as-of date (by default the latest daily
 * run's date): {@code fund = max(max Cover-2 x (1 + buffer), minimum)}, each member's contribution the minimum plus
 * its share of the rest pro rata to its risk measure. The sizing, its contributions, {@code DefaultFundSized} and one
 * {@code DefaultFundContributionRequired} per member go in one transaction; the latest sizing is the fund in force.
 */
@ApplicationScoped
public class DefaultFundSizings {

    /** What asked for a sizing. */
    public enum Reason {
        PERIODIC, SHORTFALL, ON_DEMAND
    }

    private static final Logger LOG = Logger.getLogger(DefaultFundSizings.class);

    private final EntityManager em;
    private final SizingPeriod period;
    private final DefaultFundSettings settings;
    private final Outbox outbox;
    private final Clock clock;

    DefaultFundSizings(EntityManager em, SizingPeriod period, DefaultFundSettings settings, Outbox outbox,
                       Clock clock) {
        this.em = em;
        this.period = period;
        this.settings = settings;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A sizing as of {@code asOf} (or the latest daily run's date); refused (409) with nothing written. */
    @Transactional
    public long size(Optional<LocalDate> asOf, Reason reason, String by) {
        KeyLock.hold(em, "default_fund", "sizing");
        LocalDate to = asOf.or(period::latestDate).orElseThrow(() -> FundRefusal.noStressRuns(null, null));
        return size(to, reason, by);
    }

    /** The periodic sizing, unless one was made within {@code every} (by another replica, on demand, after a shortfall). */
    @Transactional
    public Optional<Long> sizePeriodically(Duration every) {
        KeyLock.hold(em, "default_fund", "sizing");
        Instant since = clock.instant().minus(every);
        if (!em.createNativeQuery("select 1 from default_fund_sizing where sized_at > :since")
                .setParameter("since", since).getResultList().isEmpty()) {
            return Optional.empty();
        }
        LocalDate to = period.latestDate().orElseThrow(() -> FundRefusal.noStressRuns(null, null));
        return Optional.of(size(to, Reason.PERIODIC, "risk-service"));
    }

    /**
     * The resize a shortfall asked for, as of its run's date, once: empty when made meanwhile. The shortfall names
     * the sizing it led to.
     */
    @Transactional
    public Optional<Long> resizeAfterShortfall(long runId) {
        KeyLock.hold(em, "default_fund", "sizing");
        List<?> pending = em.createNativeQuery("""
                        select business_date from default_fund_shortfall
                        where run_id = :run and resize_sizing_id is null and resize_refused is null""")
                .setParameter("run", runId).getResultList();
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        Object date = pending.getFirst();
        long sizingId = size(date instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) date, Reason.SHORTFALL,
                "risk-service");
        em.createNativeQuery("update default_fund_shortfall set resize_sizing_id = :sizing where run_id = :run")
                .setParameter("sizing", sizingId).setParameter("run", runId).executeUpdate();
        return Optional.of(sizingId);
    }

    /** Records why the resize a shortfall asked for was refused, so it is not tried again. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void resizeRefused(long runId, String why) {
        em.createNativeQuery("update default_fund_shortfall set resize_refused = :why where run_id = :run")
                .setParameter("why", why.length() > 500 ? why.substring(0, 500) : why).setParameter("run", runId)
                .executeUpdate();
    }

    private long size(LocalDate to, Reason reason, String by) {
        LocalDate from = to.minus(settings.period());
        List<Run> runs = period.runs(from, to);
        if (runs.isEmpty()) {
            throw FundRefusal.noStressRuns(from, to);
        }
        // The largest Cover-2 of the period; on a tie the latest date's.
        Run worst = runs.stream().max(Comparator.comparing(Run::cover2).thenComparing(Run::businessDate))
                .orElseThrow();
        FundSize fund = new DefaultFundSizing(settings.policy()).size(worst.cover2());
        List<MemberRiskMeasure> measures = period.measures(runs, settings.riskMeasure());
        FundAllocation allocation;
        try {
            allocation = new ContributionAllocation(fund.currency(), settings.minimumContribution())
                    .allocate(fund, measures);
        } catch (IllegalArgumentException belowMinimums) {
            throw FundRefusal.belowMinimumContributions(fund.amount(), measures.size(),
                    settings.minimumContribution());
        }
        Instant at = clock.instant();
        long sizingId = record(from, to, runs.size(), reason, by, worst, fund, allocation, at);
        String currency = fund.currency().getCurrencyCode();
        outbox.record(RiskEvents.DEFAULT_FUND_SIZED, String.valueOf(sizingId), new DefaultFundSized(sizingId, to,
                currency, fund.amount(), fund.maxCover2(), fund.buffer(), reason.name(), at));
        for (Contribution c : allocation.contributions()) {
            outbox.record(RiskEvents.DEFAULT_FUND_CONTRIBUTION_REQUIRED, c.memberId(),
                    new DefaultFundContributionRequired(sizingId, c.memberId(), currency, c.amount(), to, at));
        }
        LOG.infof("default fund sizing %d as of %s (%s by %s): %d runs from %s, max Cover-2 %s, fund %s %s over %d "
                        + "members", sizingId, to, reason, by, runs.size(), runs.getFirst().businessDate(),
                fund.maxCover2(), fund.amount(), currency, allocation.contributions().size());
        return sizingId;
    }

    private long record(LocalDate from, LocalDate to, int runs, Reason reason, String by, Run worst, FundSize fund,
                        FundAllocation allocation, Instant at) {
        Number id = (Number) em.createNativeQuery("""
                        insert into default_fund_sizing (effective_date, period_from, period_to, runs, reason,
                            requested_by, currency, risk_measure, max_cover2, max_cover2_run_id, max_cover2_date,
                            buffer, buffered, minimum, minimum_applied, minimum_contribution, fund_size, sized_at)
                        values (:to, :from, :to, :runs, :reason, :by, :currency, :measure, :maxCover2, :worstRun,
                                :worstDate, :buffer, :buffered, :minimum, :minimumApplied, :minimumContribution,
                                :fund, :at)
                        returning sizing_id""")
                .setParameter("from", from).setParameter("to", to).setParameter("runs", runs)
                .setParameter("reason", reason.name()).setParameter("by", by)
                .setParameter("currency", fund.currency().getCurrencyCode())
                .setParameter("measure", settings.riskMeasure().name())
                .setParameter("maxCover2", fund.maxCover2()).setParameter("worstRun", worst.runId())
                .setParameter("worstDate", worst.businessDate()).setParameter("buffer", fund.buffer())
                .setParameter("buffered", fund.buffered()).setParameter("minimum", fund.minimum())
                .setParameter("minimumApplied", fund.minimumApplied())
                .setParameter("minimumContribution", settings.minimumContribution())
                .setParameter("fund", fund.amount()).setParameter("at", at)
                .getSingleResult();
        long sizingId = id.longValue();
        for (Contribution c : allocation.contributions()) {
            em.createNativeQuery("""
                            insert into default_fund_contribution (sizing_id, member_id, measure, minimum, pro_rata,
                                                                   amount)
                            values (:sizing, :member, :measure, :minimum, :proRata, :amount)""")
                    .setParameter("sizing", sizingId).setParameter("member", c.memberId())
                    .setParameter("measure", c.measure()).setParameter("minimum", c.minimum())
                    .setParameter("proRata", c.proRata()).setParameter("amount", c.amount()).executeUpdate();
        }
        return sizingId;
    }
}
