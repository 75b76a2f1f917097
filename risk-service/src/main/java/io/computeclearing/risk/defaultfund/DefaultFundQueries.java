package io.computeclearing.risk.defaultfund;

import io.computeclearing.risk.defaultfund.DefaultFundViews.FundStatus;
import io.computeclearing.risk.defaultfund.DefaultFundViews.MemberContribution;
import io.computeclearing.risk.defaultfund.DefaultFundViews.MemberLine;
import io.computeclearing.risk.defaultfund.DefaultFundViews.Shortfall;
import io.computeclearing.risk.defaultfund.DefaultFundViews.Sizing;
import io.computeclearing.risk.defaultfund.DefaultFundViews.SizingView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.computeclearing.platform.persistence.SqlValues.date;
import static io.computeclearing.platform.persistence.SqlValues.instant;

/** Reads stored sizings, contributions and shortfalls. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DefaultFundQueries {

    private static final String SIZING = """
            select s.sizing_id, s.effective_date, s.period_from, s.period_to, s.runs, s.reason, s.requested_by,
                   s.currency, s.risk_measure, s.max_cover2, s.max_cover2_run_id, s.max_cover2_date, s.buffer,
                   s.buffered, s.minimum, s.minimum_applied, s.minimum_contribution, s.fund_size,
                   (select count(*) from default_fund_contribution c where c.sizing_id = s.sizing_id), s.sized_at
            from default_fund_sizing s""";
    private static final String CONTRIBUTION = """
            select member_id, measure, minimum, pro_rata, amount from default_fund_contribution""";

    private final EntityManager em;
    private final DefaultFundSettings settings;

    public DefaultFundQueries(EntityManager em, DefaultFundSettings settings) {
        this.em = em;
        this.settings = settings;
    }

    /** Sizings, newest first. */
    public List<Sizing> list(int page, int size) {
        return rows(SIZING + " order by s.sizing_id desc limit :size offset :offset",
                Map.of("size", size, "offset", page * size)).stream().map(DefaultFundQueries::sizing).toList();
    }

    public Optional<SizingView> find(long sizingId) {
        return sizing(sizingId).map(s -> new SizingView(s, rows(CONTRIBUTION
                        + " where sizing_id = :sizing order by member_id", Map.of("sizing", sizingId)).stream()
                .map(DefaultFundQueries::contribution).toList()));
    }

    /** A member's line of a sizing; empty when the sizing does not name the member. */
    public Optional<MemberLine> member(long sizingId, String memberId) {
        return sizing(sizingId).flatMap(s -> rows(CONTRIBUTION + " where sizing_id = :sizing and member_id = :member",
                        Map.of("sizing", sizingId, "member", memberId)).stream().findFirst()
                .map(r -> new MemberLine(s.sizingId(), s.effectiveDate(), s.currency(), s.riskMeasure(),
                        s.fundSize(), contribution(r))));
    }

    /** The fund in force, its latest shortfall and the CCP's tranche (drawn: the waterfalls account-service applied). */
    public FundStatus status() {
        Optional<Sizing> inForce = rows(SIZING + " order by s.sizing_id desc limit 1", Map.of()).stream().findFirst()
                .map(DefaultFundQueries::sizing);
        Shortfall shortfall = inForce.flatMap(s -> rows("""
                        select run_id, business_date, sizing_id, currency, fund_size, cover2, shortfall, detected_at,
                               resize_sizing_id, resize_refused
                        from default_fund_shortfall where sizing_id = :sizing order by run_id desc limit 1""",
                Map.of("sizing", s.sizingId())).stream().findFirst().map(r -> new Shortfall(
                ((Number) r[0]).longValue(), date(r[1]), ((Number) r[2]).longValue(), ((String) r[3]).strip(),
                (BigDecimal) r[4], (BigDecimal) r[5], (BigDecimal) r[6], instant(r[7]),
                r[8] == null ? null : ((Number) r[8]).longValue(), (String) r[9]))).orElse(null);
        BigDecimal drawn = (BigDecimal) em.createNativeQuery("""
                        select coalesce(sum((event ->> 'ccpTranche')::numeric), 0) from default_waterfall
                        where currency = :currency""")
                .setParameter("currency", settings.currency()).getSingleResult();
        BigDecimal tranche = settings.ccpTranche();
        return new FundStatus(settings.currency(), inForce.orElse(null), shortfall, tranche,
                drawn.setScale(tranche.scale(), RoundingMode.UNNECESSARY),
                tranche.subtract(drawn).max(BigDecimal.ZERO).setScale(tranche.scale(), RoundingMode.UNNECESSARY));
    }

    private Optional<Sizing> sizing(long sizingId) {
        return rows(SIZING + " where s.sizing_id = :sizing", Map.of("sizing", sizingId)).stream().findFirst()
                .map(DefaultFundQueries::sizing);
    }

    private static Sizing sizing(Object[] r) {
        return new Sizing(((Number) r[0]).longValue(), date(r[1]), date(r[2]), date(r[3]), ((Number) r[4]).intValue(),
                (String) r[5], (String) r[6], ((String) r[7]).strip(), (String) r[8], (BigDecimal) r[9],
                ((Number) r[10]).longValue(), date(r[11]), ((BigDecimal) r[12]).stripTrailingZeros(),
                plain((BigDecimal) r[13]), (BigDecimal) r[14], (Boolean) r[15], (BigDecimal) r[16],
                (BigDecimal) r[17], ((Number) r[18]).intValue(), instant(r[19]));
    }

    private static MemberContribution contribution(Object[] r) {
        return new MemberContribution((String) r[0], plain((BigDecimal) r[1]), (BigDecimal) r[2], (BigDecimal) r[3],
                (BigDecimal) r[4]);
    }

    /** An exact stored value without trailing zeros, never in exponent form. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }



    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Map<String, Object> parameters) {
        var query = em.createNativeQuery(sql);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }
}
