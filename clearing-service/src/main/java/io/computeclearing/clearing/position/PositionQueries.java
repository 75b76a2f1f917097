package io.computeclearing.clearing.position;

import io.computeclearing.clearing.account.VisibleAccounts.Scope;
import io.computeclearing.clearing.trade.TradeLeg;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Positions now or as at the end of a business date, and open interest per instrument. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PositionQueries {

    private final EntityManager em;

    public PositionQueries(EntityManager em) {
        this.em = em;
    }

    /** Current positions, by account and instrument. */
    public List<PositionView> current(Scope scope, String accountId, String instrumentId) {
        if (scope.none()) {
            return List.of();
        }
        Filter filter = new Filter("p", scope, accountId, instrumentId);
        var query = em.createQuery("from Position p" + filter.where + " order by p.accountId, p.instrumentId",
                Position.class);
        filter.parameters.forEach(query::setParameter);
        return query.getResultStream().map(PositionView::of).toList();
    }

    /**
     * Positions as at the end of {@code date}: replayed from every leg with business date up to it (a bust or a
     * give-up adds reversal legs rather than removing any), so they do not depend on what happened since. An
     * instrument finally settled on or before the date shows flat: final settlement closed its positions at the end of
     * its last trading day.
     */
    public List<PositionView> asAt(Scope scope, String accountId, String instrumentId, LocalDate date) {
        if (scope.none()) {
            return List.of();
        }
        Filter filter = new Filter("l", scope, accountId, instrumentId);
        Query query = em.createQuery("""
                select l.accountId, l.memberId, l.instrumentId, p.gross,
                       sum(case when l.side = :buy then l.quantity else 0 end),
                       sum(case when l.side = :sell then -l.quantity else 0 end)
                from TradeLeg l, Position p
                """ + filter.where + """
                 and p.accountId = l.accountId and p.instrumentId = l.instrumentId
                 and l.businessDate <= :date
                group by l.accountId, l.memberId, l.instrumentId, p.gross
                order by l.accountId, l.instrumentId""");
        filter.parameters.forEach(query::setParameter);
        query.setParameter("date", date);
        query.setParameter("buy", TradeLeg.Side.BUY);
        query.setParameter("sell", TradeLeg.Side.SELL);
        List<?> rows = query.getResultList();
        Set<String> settled = settledBy(date);
        return rows.stream().map(Object[].class::cast).map(r -> settled.contains((String) r[2])
                ? PositionView.asAt((String) r[0], (String) r[1], (String) r[2], (Boolean) r[3], 0, 0, date)
                : PositionView.asAt((String) r[0], (String) r[1], (String) r[2], (Boolean) r[3],
                ((Number) r[4]).longValue(), ((Number) r[5]).longValue(), date)).toList();
    }

    /** Instruments finally settled on or before {@code date}: their positions were closed at the end of that day. */
    private Set<String> settledBy(LocalDate date) {
        return Set.copyOf(em.createQuery(
                        "select f.instrumentId from FinalSettlement f where f.businessDate <= :date", String.class)
                .setParameter("date", date).getResultList());
    }

    /** Open interest per instrument (or one instrument), from the current positions. */
    public List<OpenInterestView> openInterest(String instrumentId) {
        String where = instrumentId == null ? "" : " where p.instrumentId = :instrument";
        var query = em.createQuery("""
                select new io.computeclearing.clearing.position.OpenInterestView(p.instrumentId,
                       sum(p.longQuantity), sum(p.shortQuantity), sum(p.netQuantity), count(p))
                from Position p""" + where + " group by p.instrumentId order by p.instrumentId",
                OpenInterestView.class);
        if (instrumentId != null) {
            query.setParameter("instrument", instrumentId);
        }
        return query.getResultList();
    }

    /** The conditions shared by position queries: the caller's scope and the optional filters. */
    private static final class Filter {
        final StringBuilder where = new StringBuilder(" where 1 = 1");
        final Map<String, Object> parameters = new HashMap<>();

        Filter(String alias, Scope scope, String accountId, String instrumentId) {
            scope.member().ifPresent(member -> add(alias + ".memberId", "member", member));
            add(alias + ".accountId", "account", accountId);
            add(alias + ".instrumentId", "instrument", instrumentId);
        }

        private void add(String path, String name, Object value) {
            if (value != null) {
                where.append(" and ").append(path).append(" = :").append(name);
                parameters.put(name, value);
            }
        }
    }
}
