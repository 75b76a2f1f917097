package io.computeclearing.settlement.finalsettlement;

import io.computeclearing.platform.events.settlement.SettlementEvents.FinalSettlementCompleted;
import io.computeclearing.platform.events.settlement.SettlementEvents;
import io.computeclearing.platform.outbox.Outbox;
import io.computeclearing.platform.problem.ProblemException;
import io.computeclearing.platform.persistence.SqlValues;
import io.computeclearing.settlement.index.IndexValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Records final settlements with their inputs and announces each with {@code FinalSettlementCompleted} (key:
 * instrument id), on which clearing-service closes the instrument's positions.
 */
@ApplicationScoped
@Transactional
public class FinalSettlements {

    private final EntityManager em;
    private final Outbox outbox;

    public FinalSettlements(EntityManager em, Outbox outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(FinalSettlementFixing fixing, LocalDate businessDate, long positionsSettled, Instant at) {
        em.createNativeQuery("""
                        insert into final_settlement (instrument_id, business_date, rule, index_id, unrounded_value,
                                                      final_settlement_price, currency, positions_settled, settled_at)
                        values (:instrument, :date, :rule, :index, :unrounded, :price, :currency, :positions, :at)""")
                .setParameter("instrument", fixing.instrumentId()).setParameter("date", businessDate)
                .setParameter("rule", fixing.rule()).setParameter("index", fixing.indexId())
                .setParameter("unrounded", fixing.unroundedValue()).setParameter("price", fixing.price())
                .setParameter("currency", fixing.currency()).setParameter("positions", positionsSettled)
                .setParameter("at", at)
                .executeUpdate();
        for (IndexValue input : fixing.inputs()) {
            em.createNativeQuery("""
                            insert into final_settlement_input (instrument_id, value_date, value, version, source)
                            values (:instrument, :date, :value, :version, :source)""")
                    .setParameter("instrument", fixing.instrumentId()).setParameter("date", input.valueDate())
                    .setParameter("value", input.value()).setParameter("version", input.version())
                    .setParameter("source", input.source())
                    .executeUpdate();
        }
        outbox.record(SettlementEvents.FINAL_SETTLEMENT_COMPLETED, fixing.instrumentId(), new FinalSettlementCompleted(
                fixing.instrumentId(), businessDate, fixing.price(), fixing.currency(), positionsSettled, at));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FinalSettlementView find(String instrumentId) {
        List<?> found = em.createNativeQuery("""
                        select f.business_date, f.rule, f.index_id, f.unrounded_value, f.final_settlement_price,
                               f.currency, f.positions_settled, f.settled_at, i.tick_size
                        from final_settlement f join settlement_instrument i on i.instrument_id = f.instrument_id
                        where f.instrument_id = :instrument""")
                .setParameter("instrument", instrumentId).getResultList();
        if (found.isEmpty()) {
            throw ProblemException.notFound("Final settlement of instrument", instrumentId);
        }
        Object[] row = (Object[]) found.getFirst();
        @SuppressWarnings("unchecked")
        List<Object[]> inputs = em.createNativeQuery("""
                        select value_date, value, version, source from final_settlement_input
                        where instrument_id = :instrument order by value_date""")
                .setParameter("instrument", instrumentId).getResultList();
        int tickScale = Math.max(0, ((BigDecimal) row[8]).stripTrailingZeros().scale());
        return new FinalSettlementView(instrumentId, SqlValues.date(row[0]), (String) row[1], (String) row[2],
                ((BigDecimal) row[3]).stripTrailingZeros(), ((BigDecimal) row[4]).setScale(tickScale),
                (String) row[5], ((Number) row[6]).longValue(), SqlValues.instant(row[7]),
                inputs.stream().map(r -> new FinalSettlementView.Input(SqlValues.date(r[0]),
                        ((BigDecimal) r[1]).stripTrailingZeros(), ((Number) r[2]).intValue(), (String) r[3])).toList());
    }


}
