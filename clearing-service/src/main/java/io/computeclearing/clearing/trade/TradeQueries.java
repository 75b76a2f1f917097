package io.computeclearing.clearing.trade;

import io.computeclearing.clearing.account.VisibleAccounts.Scope;
import io.computeclearing.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads cleared trades: whole trades for the back office, legs (an account's side) for everyone in scope. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TradeQueries {

    /** One page of legs, oldest first; {@code total} counts every leg that matches. */
    public record LegPage(int page, int size, long total, List<LegView> items) {
    }

    private final EntityManager em;

    public TradeQueries(EntityManager em) {
        this.em = em;
    }

    public TradeView trade(long id) {
        List<Trade> found = em.createQuery("select distinct t from Trade t left join fetch t.legs where t.id = :id",
                Trade.class).setParameter("id", id).getResultList();
        if (found.isEmpty()) {
            throw ProblemException.notFound("trade", Long.toString(id));
        }
        return TradeView.of(found.getFirst());
    }

    public LegPage legs(Scope scope, String accountId, String instrumentId, LocalDate businessDate, int page, int size) {
        if (scope.none()) {
            return new LegPage(page, size, 0, List.of());
        }
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        scope.member().ifPresent(member -> condition(where, parameters, "l.memberId", "member", member));
        condition(where, parameters, "l.accountId", "account", accountId);
        condition(where, parameters, "l.instrumentId", "instrument", instrumentId);
        condition(where, parameters, "l.businessDate", "businessDate", businessDate);

        TypedQuery<Long> count = em.createQuery("select count(l) from TradeLeg l" + where, Long.class);
        TypedQuery<TradeLeg> legs = em.createQuery("from TradeLeg l join fetch l.trade" + where + " order by l.id",
                TradeLeg.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            legs.setParameter(name, value);
        });
        List<LegView> items = legs.setFirstResult(page * size).setMaxResults(size).getResultStream()
                .map(LegView::of).toList();
        return new LegPage(page, size, count.getSingleResult(), items);
    }

    private static void condition(StringBuilder where, Map<String, Object> parameters, String path, String name,
                                  Object value) {
        if (value != null) {
            where.append(" and ").append(path).append(" = :").append(name);
            parameters.put(name, value);
        }
    }
}
